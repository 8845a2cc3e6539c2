import { centsToEuros, parseLegacyDate } from '@passerelle/subgraph-kit';
import type { CodePrestation, PrestationLegacy } from '../legacy/types';

/** The `PrestationMsa` enum values: the same as `PrestationCaf`'s. */
export type PrestationMsa = 'RSA' | 'PRIME_ACTIVITE' | 'AAH' | 'APL' | 'ALF' | 'ALS' | 'ALLOCATIONS_FAMILIALES' | 'ASF' | 'COMPLEMENT_FAMILIAL';

/** MSA (CAF) benefit code → `PrestationMsa`. */
export const prestationMsa: Readonly<Record<CodePrestation, PrestationMsa>> = {
  RSA: 'RSA',
  PPA: 'PRIME_ACTIVITE',
  AAH: 'AAH',
  APL: 'APL',
  ALF: 'ALF',
  ALS: 'ALS',
  AF: 'ALLOCATIONS_FAMILIALES',
  ASF: 'ASF',
  CF: 'COMPLEMENT_FAMILIAL',
};

/** A `DroitMsa` as the graph serves it. */
export interface DroitMsa {
  prestation: PrestationMsa;
  montantMensuel: number;
  dateDebut: string;
}

/** MSA benefit → `DroitMsa`. */
export function toDroitMsa(p: PrestationLegacy): DroitMsa {
  return { prestation: prestationMsa[p.cd_prestation], montantMensuel: centsToEuros(p.mt_mensuel), dateDebut: parseLegacyDate(p.dt_effet) };
}
