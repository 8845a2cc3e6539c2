import { createBatchLoader, createCubeLoader, createSingleLoader } from '@passerelle/subgraph-kit';
import { ahMaxBatch, type AhClient } from './legacy/ahClient';
import type { RahClient } from './legacy/rahClient';
import { fromAh } from './records/fromAh';
import { fromRah } from './records/fromRah';
import type { DossierBailleur } from './records/DossierBailleur';
import { cubeImpayes } from './statistics/cubeImpayes';

/** Per-request loaders of the landlords' subgraph, keyed by date of birth (`YYYY-MM-DD`). */
export function createLoaders(rah: RahClient, ah: AhClient) {
  return {
    /** RAH answers one date per call: one call per distinct date of the request, run in parallel within the client's concurrency limit. */
    rah: createSingleLoader<string, DossierBailleur>(async (date) => fromRah(await rah.occupantsNesLe(date))),
    /** AH answers up to 50 dates per call: one batch (all its pages) per 50 distinct dates of the request. */
    ah: createBatchLoader<string, DossierBailleur>({
      maxBatchSize: ahMaxBatch,
      load: async (dates) => fromAh(await ah.fichesNesLes(dates)),
    }),
    /** Leases in arrears by landlord and months unpaid for a month: each landlord's system counts its own, both asked at once, under secrecy. */
    locatairesEnImpaye: createCubeLoader(async ({ mois }) => {
      const [parRah, parAh] = await Promise.all([rah.impayes(mois), ah.impayes(mois)]);
      return cubeImpayes({ RAH: parRah, AH: parAh });
    }),
    /** The tenants a criterion selects at both landlords, asked at once, for one crossing: not a DataLoader (one call each per crossing, nothing kept). */
    extraction: async (critere: 'IMPAYE', mois: string) => (await Promise.all([rah.extraction(critere, mois), ah.extraction(critere, mois)])).flat(),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
