import type { Loaders } from './loaders';

/** What every resolver of the CAF subgraph receives; built per request. */
export interface CafContext {
  requestId: string;
  loaders: Loaders;
}
