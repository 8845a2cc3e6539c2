import type { SubgraphRequestContext } from '@passerelle/subgraph-kit';
import type { Loaders } from './loaders';

/** What every resolver of the État subgraph receives; built per request. */
export interface EtatContext extends SubgraphRequestContext {
  loaders: Loaders;
}
