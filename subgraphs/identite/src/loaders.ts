import { createBatchLoader, indexBy } from '@passerelle/subgraph-kit';
import { sngiMaxBatch, type SngiClient } from './legacy/client';
import type { Individu } from './legacy/types';

/** Per-request loaders of the identity subgraph. */
export function createLoaders(sngi: SngiClient) {
  return {
    /** Individual by NIR: one SNGI batch call per 100 distinct NIRs of a request. */
    individu: createBatchLoader<string, Individu>({
      maxBatchSize: sngiMaxBatch,
      load: async (nirs) => indexBy(await sngi.individusParNirs(nirs), (i) => i.NIR),
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
