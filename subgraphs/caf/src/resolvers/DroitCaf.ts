import { centsToEuros, parseLegacyDate } from '@passerelle/subgraph-kit';
import type { DroitLegacy } from '../legacy/types';
import { prestationCaf, type PrestationCaf } from './PrestationCaf';

/** A `DroitCaf` as the graph serves it. */
export interface DroitCaf {
  prestation: PrestationCaf;
  montantMensuel: number;
  dateDebut: string;
}

/** CAF right → `DroitCaf`. */
export function toDroitCaf(d: DroitLegacy): DroitCaf {
  return { prestation: prestationCaf[d.CODE_PRESTATION], montantMensuel: centsToEuros(d.MONTANT_MENSUEL), dateDebut: parseLegacyDate(d.DATE_DEBUT) };
}
