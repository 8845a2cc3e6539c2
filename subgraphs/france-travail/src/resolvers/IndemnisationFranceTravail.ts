import { centsToEuros, parseLegacyDate } from '@passerelle/subgraph-kit';
import type { CodeAllocation, IndemnisationLegacy } from '../legacy/types';

/** An `IndemnisationFranceTravail` as the graph serves it; France Travail's allowance codes are the enum's values. */
export interface IndemnisationFranceTravail {
  allocation: CodeAllocation;
  montantJournalier: number;
  dateDebut: string;
  dateFinDroits: string;
}

/** France Travail compensation → `IndemnisationFranceTravail`. */
export function toIndemnisationFranceTravail(i: IndemnisationLegacy): IndemnisationFranceTravail {
  return {
    allocation: i.code_allocation,
    montantJournalier: centsToEuros(i.montant_journalier),
    dateDebut: parseLegacyDate(i.date_debut),
    dateFinDroits: parseLegacyDate(i.date_fin_droits),
  };
}
