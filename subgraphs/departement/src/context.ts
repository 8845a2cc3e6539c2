import type { SubgraphRequestContext, UsagerIdCodec } from '@passerelle/subgraph-kit';
import type { DepartementClient } from './legacy/client';
import type { Loaders } from './loaders';

/** What every resolver of the Département subgraph receives; built per request. */
export interface DepartementContext extends SubgraphRequestContext {
  loaders: Loaders;
  departement: DepartementClient;
  codec: UsagerIdCodec;
}
