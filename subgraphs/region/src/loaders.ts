import { createBatchLoader, indexBy } from '@passerelle/subgraph-kit';
import { regionMaxBatch, type RegionClient } from './legacy/client';
import type { DossierLegacy } from './legacy/types';

/** Per-request loaders of the subgraph of Région Occitanie. */
export function createLoaders(client: RegionClient) {
  return {
    /** File by NIR: one legacy call per batch of at most `regionMaxBatch` distinct NIRs of a request. */
    dossier: createBatchLoader<string, DossierLegacy>({
      maxBatchSize: regionMaxBatch,
      load: async (nirs) => indexBy(await client.dossiersParNirs(nirs), (d) => d.NIR),
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
