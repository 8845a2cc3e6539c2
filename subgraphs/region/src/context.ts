import type { SubgraphRequestContext } from '@passerelle/subgraph-kit';
import type { Loaders } from './loaders';

/** What every resolver of the subgraph of Région Occitanie receives; built per request. */
export interface RegionContext extends SubgraphRequestContext {
  loaders: Loaders;
}
