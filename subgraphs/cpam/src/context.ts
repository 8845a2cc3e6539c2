import type { Loaders } from './loaders';

/** What every resolver of the CPAM subgraph receives; built per request. */
export interface CpamContext {
  requestId: string;
  loaders: Loaders;
}
