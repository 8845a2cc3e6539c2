import { createBatchLoader, createCubeLoader, indexBy } from '@passerelle/subgraph-kit';
import { cafMaxBatch, type CafClient } from './legacy/client';
import type { Resultat } from './legacy/types';
import { cubeFoyers } from './statistics/cubeFoyers';

/** Per-request loaders of the CAF subgraph. */
export function createLoaders(caf: CafClient) {
  return {
    /** CAF file by NIR: one CAF batch call per 100 distinct NIRs of a request. */
    dossier: createBatchLoader<string, Resultat>({
      maxBatchSize: cafMaxBatch,
      load: async (nirs) => indexBy(await caf.dossiersParNirs(nirs), (r) => r.NIR),
    }),
    /** Households by commune and benefit for a month, counted by the CAF's system, under secrecy: one call per month of a request. */
    foyersParPrestation: createCubeLoader(async ({ mois }) => cubeFoyers(await caf.statistiquesFoyers(mois))),
    /** The people a criterion selects, for one crossing: not a DataLoader (one call per crossing, nothing kept). */
    extraction: (critere: 'RSA_OUVERT', mois: string) => caf.extraction(critere, mois),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
