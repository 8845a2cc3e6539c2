import { createBatchLoader, indexBy } from '@passerelle/subgraph-kit';
import { sngiMaxBatch, type SngiClient } from './legacy/client';
import { ripMaxBatch, type RipClient } from './legacy/ripClient';
import type { IdentiteProvisoire } from './legacy/ripTypes';
import type { Individu } from './legacy/types';

/** Per-request loaders of the identity subgraph. */
export function createLoaders(sngi: SngiClient, rip: RipClient) {
  return {
    /** Individual by NIR: one SNGI batch call per 100 distinct NIRs of a request. */
    individu: createBatchLoader<string, Individu>({
      maxBatchSize: sngiMaxBatch,
      load: async (nirs) => indexBy(await sngi.individusParNirs(nirs), (i) => i.NIR),
    }),
    /** Provisional identity by key (ACTIVE or reconciled): one register call per 100 distinct keys of a request. */
    identiteProvisoire: createBatchLoader<string, IdentiteProvisoire>({
      maxBatchSize: ripMaxBatch,
      load: async (cles) => indexBy(await rip.identitesParCles(cles), (i) => i.cle),
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
