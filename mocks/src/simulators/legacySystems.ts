import type { LegacySystem } from './LegacySystem';
import { ah } from './ah/ahHandlers';
import { caf } from './caf/cafHandlers';
import { carsat } from './carsat/carsatHandlers';
import { cpam } from './cpam/cpamHandlers';
import { rah } from './rah/rahHandlers';
import { sngi } from './sngi/sngiHandlers';

/**
 * Every simulated legacy system, in the order the README lists them. A new partner's
 * simulator is added here and nowhere else.
 */
export const legacySystems: readonly LegacySystem[] = [sngi, caf, cpam, carsat, rah, ah];

export function legacySystem(name: string): LegacySystem {
  const found = legacySystems.find((s) => s.name === name);
  if (!found) throw new RangeError(`unknown legacy system ${name}`);
  return found;
}
