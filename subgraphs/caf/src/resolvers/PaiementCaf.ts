import { centsToEuros, parseLegacyDate } from '@passerelle/subgraph-kit';
import type { PaiementLegacy } from '../legacy/types';
import { prestationCaf, type PrestationCaf } from './PrestationCaf';

/** A `PaiementCaf` as the graph serves it. */
export interface PaiementCaf {
  date: string;
  prestation: PrestationCaf;
  montant: number;
}

/** CAF payments → `PaiementCaf`s, most recent first whatever the order CAF sent them in (same-day payments keep CAF's order). */
export function toPaiementsCaf(paiements: readonly PaiementLegacy[]): PaiementCaf[] {
  return [...paiements]
    .sort((a, b) => b.DATE_PAIEMENT.localeCompare(a.DATE_PAIEMENT))
    .map((p) => ({ date: parseLegacyDate(p.DATE_PAIEMENT), prestation: prestationCaf[p.CODE_PRESTATION], montant: centsToEuros(p.MONTANT) }));
}
