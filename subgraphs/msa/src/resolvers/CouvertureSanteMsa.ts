import { parseLegacyDate } from '@passerelle/subgraph-kit';
import type { SanteLegacy } from '../legacy/types';

/** The `StatutC2s` enum values, indexed by MSA's C2S ("CSS") code. */
const statutC2s = { N: 'NON', G: 'SANS_PARTICIPATION', P: 'AVEC_PARTICIPATION' } as const;
export type StatutC2s = (typeof statutC2s)[keyof typeof statutC2s];

/** A `CouvertureSanteMsa` as the graph serves it. */
export interface CouvertureSanteMsa {
  c2s: { statut: StatutC2s; dateFin: string | null };
  medecinTraitantDeclare: boolean;
}

/** MSA health cover → `CouvertureSanteMsa` (coverage only: MSA sends nothing medical). */
export function toCouvertureSanteMsa(s: SanteLegacy): CouvertureSanteMsa {
  return {
    c2s: { statut: statutC2s[s.css.cd_css], dateFin: s.css.dt_fin === null ? null : parseLegacyDate(s.css.dt_fin) },
    medecinTraitantDeclare: s.ind_medecin_traitant === 'O',
  };
}
