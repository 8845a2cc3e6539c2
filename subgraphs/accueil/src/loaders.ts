import { createBatchLoader } from '@passerelle/subgraph-kit';
import { accueilMaxBatch, type AccueilClient } from './legacy/client';
import type { LieuLegacy, OrientationLegacy } from './legacy/types';

/** Per-request loaders of the reception-network subgraph. */
export function createLoaders(accueil: AccueilClient) {
  let annuaire: Promise<ReadonlyMap<string, LieuLegacy>> | undefined;
  return {
    /** The directory by place code: one call per request, whatever the number of places resolved. */
    annuaire(): Promise<ReadonlyMap<string, LieuLegacy>> {
      annuaire ??= accueil.lieux().then((lieux) => new Map(lieux.map((l) => [l.code_lieu, l])));
      return annuaire;
    },
    /** Referrals by NIR: one call per 50 distinct NIRs of a request; none → an empty list. */
    orientations: createBatchLoader<string, OrientationLegacy[]>({
      maxBatchSize: accueilMaxBatch,
      load: async (nirs) => {
        const parNir = new Map<string, OrientationLegacy[]>(nirs.map((nir) => [nir, []]));
        for (const o of await accueil.orientationsParNirs(nirs)) parNir.get(o.nir)?.push(o);
        return parNir;
      },
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
