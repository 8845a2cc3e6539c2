import type { SubgraphRequestContext } from '@passerelle/subgraph-kit';
import type { Loaders } from './loaders';

/** What every resolver of the landlords' subgraph receives; built per request. */
export interface BailleursContext extends SubgraphRequestContext {
  loaders: Loaders;
}
