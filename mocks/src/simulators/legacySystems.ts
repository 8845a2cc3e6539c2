import type { LegacySystem } from './LegacySystem';
import { accueil } from './accueil/accueilHandlers';
import { ah } from './ah/ahHandlers';
import { caf } from './caf/cafHandlers';
import { carsat } from './carsat/carsatHandlers';
import { cpam } from './cpam/cpamHandlers';
import { departement } from './departement/departementHandlers';
import { franceTravail } from './france-travail/franceTravailHandlers';
import { msa } from './msa/msaHandlers';
import { rah } from './rah/rahHandlers';
import { siao } from './siao/siaoHandlers';
import { sngi } from './sngi/sngiHandlers';

/**
 * Every simulated legacy system, in the order the README lists them. A new partner's
 * simulator is added here and nowhere else.
 */
export const legacySystems: readonly LegacySystem[] = [sngi, caf, cpam, carsat, rah, ah, msa, accueil, siao, franceTravail, departement];

export function legacySystem(name: string): LegacySystem {
  const found = legacySystems.find((s) => s.name === name);
  if (!found) throw new RangeError(`unknown legacy system ${name}`);
  return found;
}
