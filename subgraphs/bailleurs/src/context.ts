import type { Loaders } from './loaders';

/** What every resolver of the landlords' subgraph receives; built per request. */
export interface BailleursContext {
  requestId: string;
  loaders: Loaders;
}
