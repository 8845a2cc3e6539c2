import { createBatchLoader, indexBy } from '@passerelle/subgraph-kit';
import { msaMaxBatch, type MsaClient } from './legacy/client';
import type { AdherentLegacy } from './legacy/types';

/** Per-request loaders of the MSA subgraph. */
export function createLoaders(msa: MsaClient) {
  return {
    /** MSA member by NIR: one MSA batch call per 100 distinct NIRs of a request. */
    adherent: createBatchLoader<string, AdherentLegacy>({
      maxBatchSize: msaMaxBatch,
      load: async (nirs) => indexBy(await msa.adherentsParNirs(nirs), (a) => a.nir),
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
