import { parseLegacyDate } from '@passerelle/subgraph-kit';
import type { DossierLegacy } from '../legacy/types';

/** A `FoyerCaf` as the graph serves it. */
export interface FoyerCaf {
  nombreAdultes: number;
  enfants: Array<{ prenom: string; dateNaissance: string }>;
}

/** Household composition of a CAF file → `FoyerCaf`. */
export function toFoyerCaf(d: DossierLegacy): FoyerCaf {
  return { nombreAdultes: d.NB_ADULTES, enfants: d.ENFANTS.map((e) => ({ prenom: e.PRENOM, dateNaissance: parseLegacyDate(e.DATE_NAISSANCE) })) };
}
