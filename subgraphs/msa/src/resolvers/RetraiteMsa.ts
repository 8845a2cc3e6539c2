import { centsToEuros, parseLegacyDate } from '@passerelle/subgraph-kit';
import type { PensionLegacy } from '../legacy/types';

/** The `StatutRetraite` enum values, indexed by MSA's pension state code. */
const statutRetraite = { ACT: 'ACTIF', INS: 'DEMANDE_EN_COURS', SER: 'RETRAITE' } as const;
export type StatutRetraite = (typeof statutRetraite)[keyof typeof statutRetraite];

/** A `RetraiteMsa` as the graph serves it. */
export interface RetraiteMsa {
  statut: StatutRetraite;
  pensionMensuelle: number | null;
  dateEffet: string | null;
}

/** MSA farm pension → `RetraiteMsa` (euros, ISO dates). */
export function toRetraiteMsa(p: PensionLegacy): RetraiteMsa {
  return {
    statut: statutRetraite[p.cd_etat],
    pensionMensuelle: p.mt_brut_mensuel === null ? null : centsToEuros(p.mt_brut_mensuel),
    dateEffet: p.dt_effet === null ? null : parseLegacyDate(p.dt_effet),
  };
}
