import type { SubgraphRequestContext } from '@passerelle/subgraph-kit';
import type { Loaders } from './loaders';

/** What every resolver of the CPAM subgraph receives; built per request. */
export interface CpamContext extends SubgraphRequestContext {
  loaders: Loaders;
}
