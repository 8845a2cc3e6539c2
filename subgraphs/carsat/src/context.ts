import type { SubgraphRequestContext } from '@passerelle/subgraph-kit';
import type { Loaders } from './loaders';

/** What every resolver of the Carsat subgraph receives; built per request. */
export interface CarsatContext extends SubgraphRequestContext {
  loaders: Loaders;
}
