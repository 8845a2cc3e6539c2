import { createBatchLoader, indexBy } from '@passerelle/subgraph-kit';
import { cafMaxBatch, type CafClient } from './legacy/client';
import type { Resultat } from './legacy/types';

/** Per-request loaders of the CAF subgraph. */
export function createLoaders(caf: CafClient) {
  return {
    /** CAF file by NIR: one CAF batch call per 100 distinct NIRs of a request. */
    dossier: createBatchLoader<string, Resultat>({
      maxBatchSize: cafMaxBatch,
      load: async (nirs) => indexBy(await caf.dossiersParNirs(nirs), (r) => r.NIR),
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
