import { createBatchLoader, indexBy } from '@passerelle/subgraph-kit';
import { cpamMaxBatch, type CpamClient } from './legacy/client';
import type { Beneficiaire } from './legacy/types';

/** Per-request loaders of the CPAM subgraph. */
export function createLoaders(cpam: CpamClient) {
  return {
    /** Coverage by NIR: one CPAM batch call per 50 distinct NIRs of a request. */
    beneficiaire: createBatchLoader<string, Beneficiaire>({
      maxBatchSize: cpamMaxBatch,
      load: async (nirs) => indexBy(await cpam.droitsParNirs(nirs), (b) => b.nir),
    }),
    /** The people a criterion selects, for one crossing: not a DataLoader (one call per crossing, nothing kept). */
    extraction: (critere: 'SANS_C2S', mois: string) => cpam.extraction(critere, mois),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
