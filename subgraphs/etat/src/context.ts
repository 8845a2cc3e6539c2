import type { Loaders } from './loaders';

/** What every resolver of the État subgraph receives; built per request. */
export interface EtatContext {
  requestId: string;
  loaders: Loaders;
}
