import { parseLegacyDate } from '@passerelle/subgraph-kit';
import type { Beneficiaire } from '../legacy/types';

/** The `StatutC2s` enum values, indexed by the CPAM's C2S status code. */
const statutParCode = { '0': 'NON', '1': 'SANS_PARTICIPATION', '2': 'AVEC_PARTICIPATION' } as const;
export type StatutC2s = (typeof statutParCode)[keyof typeof statutParCode];

/** A `ComplementaireSanteSolidaire` as the graph serves it. */
export interface ComplementaireSanteSolidaire {
  statut: StatutC2s;
  dateFin: string | null;
}

/** CPAM C2S block → `ComplementaireSanteSolidaire`. */
export function toComplementaireSanteSolidaire(c2s: Beneficiaire['c2s']): ComplementaireSanteSolidaire {
  return { statut: statutParCode[c2s.code_statut], dateFin: c2s.date_fin === null ? null : parseLegacyDate(c2s.date_fin) };
}
