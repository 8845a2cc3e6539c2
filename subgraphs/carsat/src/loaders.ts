import { createBatchLoader, indexBy } from '@passerelle/subgraph-kit';
import { carsatMaxBatch, type CarsatClient } from './legacy/client';
import type { DossierLegacy } from './legacy/types';

/** Per-request loaders of the Carsat subgraph. */
export function createLoaders(carsat: CarsatClient) {
  return {
    /** Pension file by NIR: one Carsat batch call per 40 distinct NIRs of a request. */
    dossier: createBatchLoader<string, DossierLegacy>({
      maxBatchSize: carsatMaxBatch,
      load: async (nirs) => indexBy(await carsat.dossiersParNirs(nirs), (d) => d.nir),
    }),
    /** The people a criterion selects, for one crossing: not a DataLoader (one call per crossing, nothing kept). */
    extraction: (critere: 'ASPA', mois: string) => carsat.extraction(critere, mois),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
