import type { SubgraphRequestContext } from '@passerelle/subgraph-kit';
import type { Loaders } from './loaders';

/** What every resolver of the MSA subgraph receives; built per request. */
export interface MsaContext extends SubgraphRequestContext {
  loaders: Loaders;
}
