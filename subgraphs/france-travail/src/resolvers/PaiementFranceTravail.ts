import { centsToEuros, parseLegacyDate } from '@passerelle/subgraph-kit';
import type { CodeAllocation, PaiementLegacy } from '../legacy/types';

/** A `PaiementFranceTravail` as the graph serves it. */
export interface PaiementFranceTravail {
  date: string;
  allocation: CodeAllocation;
  montant: number;
}

/** France Travail payments → `PaiementFranceTravail`s, most recent first whatever the order France Travail sent them in. */
export function toPaiementsFranceTravail(paiements: readonly PaiementLegacy[]): PaiementFranceTravail[] {
  return [...paiements]
    .sort((a, b) => b.date_paiement.localeCompare(a.date_paiement))
    .map((p) => ({ date: parseLegacyDate(p.date_paiement), allocation: p.code_allocation, montant: centsToEuros(p.montant) }));
}
