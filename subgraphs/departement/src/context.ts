import type { UsagerIdCodec } from '@passerelle/subgraph-kit';
import type { DepartementClient } from './legacy/client';
import type { Loaders } from './loaders';

/** What every resolver of the Département subgraph receives; built per request. */
export interface DepartementContext {
  requestId: string;
  loaders: Loaders;
  departement: DepartementClient;
  codec: UsagerIdCodec;
}
