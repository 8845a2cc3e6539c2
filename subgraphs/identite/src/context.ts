import type { SubgraphRequestContext, UsagerIdCodec } from '@passerelle/subgraph-kit';
import type { SngiClient } from './legacy/client';
import type { Loaders } from './loaders';

/** What every resolver of the identity subgraph receives; built per request. */
export interface IdentiteContext extends SubgraphRequestContext {
  loaders: Loaders;
  sngi: SngiClient;
  codec: UsagerIdCodec;
}
