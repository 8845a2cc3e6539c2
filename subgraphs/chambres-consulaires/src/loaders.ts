import { createBatchLoader, indexBy } from '@passerelle/subgraph-kit';
import { chambresConsulairesMaxBatch, type ChambresConsulairesClient } from './legacy/client';
import type { DossierLegacy } from './legacy/types';

/** Per-request loaders of the subgraph of Chambres consulaires de l'Aveyron. */
export function createLoaders(client: ChambresConsulairesClient) {
  return {
    /** File by NIR: one legacy call per batch of at most `chambresConsulairesMaxBatch` distinct NIRs of a request. */
    dossier: createBatchLoader<string, DossierLegacy>({
      maxBatchSize: chambresConsulairesMaxBatch,
      load: async (nirs) => indexBy(await client.dossiersParNirs(nirs), (d) => d.NIR),
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
