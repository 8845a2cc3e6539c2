import type { Loaders } from './loaders';

/** What every resolver of the MSA subgraph receives; built per request. */
export interface MsaContext {
  requestId: string;
  loaders: Loaders;
}
