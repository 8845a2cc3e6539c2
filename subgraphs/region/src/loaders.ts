import { createBatchLoader, indexBy } from '@passerelle/subgraph-kit';
import { regionMaxBatch, type DemandeStagiaire, type RegionClient } from './legacy/client';
import { parseDateFr } from './legacy/formatsRegion';
import type { StagiaireLegacy } from './legacy/types';

/** Cache and result key of a lookup: the same NIR with another date of birth is another lookup. */
const demandeKey = (d: DemandeStagiaire) => `${d.nir}|${d.dateNaissance}`;

/** Per-request loaders of the Région subgraph. */
export function createLoaders(client: RegionClient) {
  return {
    /** Trainee by NIR + date of birth: one legacy call per batch of at most `regionMaxBatch` distinct pairs of a request. */
    stagiaire: createBatchLoader<DemandeStagiaire, StagiaireLegacy, string>({
      maxBatchSize: regionMaxBatch,
      cacheKeyFn: demandeKey,
      // The system echoes the pair it identified, its date written `JJ/MM/AAAA`.
      load: async (demandes) => indexBy(await client.stagiaires(demandes), (s) => demandeKey({ nir: s.nir, dateNaissance: parseDateFr(s.dateNaissance) })),
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
