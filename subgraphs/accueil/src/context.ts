import type { SubgraphRequestContext, UsagerIdCodec } from '@passerelle/subgraph-kit';
import type { AccueilClient } from './legacy/client';
import type { Loaders } from './loaders';

/** What every resolver of the reception-network subgraph receives; built per request. */
export interface AccueilContext extends SubgraphRequestContext {
  loaders: Loaders;
  /** For the mutation, which writes: reads go through `loaders`. */
  accueil: AccueilClient;
  usagerIds: UsagerIdCodec;
}
