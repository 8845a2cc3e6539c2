import { createBatchLoader, indexBy } from '@passerelle/subgraph-kit';
import { departementMaxBatch, type DepartementClient } from './legacy/client';
import type { Beneficiaire } from './legacy/types';

/** Per-request loaders of the Département subgraph. */
export function createLoaders(departement: DepartementClient) {
  return {
    /** Département file by NIR: one batch call per 100 distinct NIRs of a request; primed by caseload pages and commands. */
    beneficiaire: createBatchLoader<string, Beneficiaire>({
      maxBatchSize: departementMaxBatch,
      load: async (nirs) => indexBy(await departement.beneficiairesParNirs(nirs), (b) => b.nir),
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
