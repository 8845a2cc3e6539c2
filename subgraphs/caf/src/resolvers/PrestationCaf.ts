import type { CodePrestation } from '../legacy/types';

/** The `PrestationCaf` enum values. */
export type PrestationCaf = 'RSA' | 'PRIME_ACTIVITE' | 'AAH' | 'APL' | 'ALF' | 'ALS' | 'ALLOCATIONS_FAMILIALES' | 'ASF' | 'COMPLEMENT_FAMILIAL';

/** CAF benefit code → `PrestationCaf`. */
export const prestationCaf: Readonly<Record<CodePrestation, PrestationCaf>> = {
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
