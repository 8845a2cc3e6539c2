import { dateObservation } from '../../population/scale2025';
import type { IdentiteProvisoire } from './IdentiteProvisoire';

/** What a creation carries: the declared identity and who records it. */
export type Declaration = Pick<IdentiteProvisoire, 'nom_naissance' | 'nom_usage' | 'prenoms' | 'sexe' | 'date_naissance' | 'lieu_naissance' | 'cree_par'>;

/** The register's "today": the date the simulated world is observed at, so that tests never drift. */
const aujourdhui = dateObservation.replaceAll('-', '');

/** The register's state, per simulator instance (each `handlers()` call has its own). */
export interface RipStore {
  identite(cle: string): IdentiteProvisoire | undefined;
  /** Every identity, oldest first. */
  identites(): IdentiteProvisoire[];
  /**
   * Records a declaration under the next key. With an idempotency key, the same key and the same
   * declaration return the first identity (`rejeu`); the same key with another declaration is refused.
   */
  creer(declaration: Declaration, cleIdempotence: string | null): { identite: IdentiteProvisoire; rejeu: boolean } | { conflit: true };
  /** Marks an ACTIVE identity reconciled with `nir` (the caller has checked it exists and is ACTIVE). */
  rapprocher(cle: string, nir: string): IdentiteProvisoire;
}

export function createRipStore(): RipStore {
  const identites = new Map<string, IdentiteProvisoire>();
  const rejeux = new Map<string, { empreinte: string; cle: string }>();
  let sequence = 0;
  return {
    identite: (cle) => identites.get(cle),
    identites: () => [...identites.values()],
    creer(declaration, cleIdempotence) {
      const empreinte = JSON.stringify(declaration);
      const earlier = cleIdempotence === null ? undefined : rejeux.get(cleIdempotence);
      if (earlier) return earlier.empreinte === empreinte ? { identite: identites.get(earlier.cle)!, rejeu: true } : { conflit: true };
      sequence += 1;
      const identite: IdentiteProvisoire = { cle: `PRV${String(sequence).padStart(12, '0')}`, ...declaration, cree_le: aujourdhui, statut: 'ACTIVE', nir: null, rapprochee_le: null };
      identites.set(identite.cle, identite);
      if (cleIdempotence !== null) rejeux.set(cleIdempotence, { empreinte, cle: identite.cle });
      return { identite, rejeu: false };
    },
    rapprocher(cle, nir) {
      const identite: IdentiteProvisoire = { ...identites.get(cle)!, statut: 'RAPPROCHEE', nir, rapprochee_le: aujourdhui };
      identites.set(cle, identite);
      return identite;
    },
  };
}
