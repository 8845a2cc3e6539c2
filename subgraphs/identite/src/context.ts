import type { SubgraphRequestContext, UsagerIdCodec } from '@passerelle/subgraph-kit';
import type { SngiClient } from './legacy/client';
import type { RipClient } from './legacy/ripClient';
import type { Loaders } from './loaders';

/** What every resolver of the identity subgraph receives; built per request. */
export interface IdentiteContext extends SubgraphRequestContext {
  loaders: Loaders;
  sngi: SngiClient;
  /** The agency's register of provisional identities. */
  rip: RipClient;
  codec: UsagerIdCodec;
}
