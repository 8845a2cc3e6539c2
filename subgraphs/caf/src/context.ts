import type { SubgraphRequestContext } from '@passerelle/subgraph-kit';
import type { Loaders } from './loaders';

/** What every resolver of the CAF subgraph receives; built per request. */
export interface CafContext extends SubgraphRequestContext {
  loaders: Loaders;
}
