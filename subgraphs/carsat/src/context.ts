import type { Loaders } from './loaders';

/** What every resolver of the Carsat subgraph receives; built per request. */
export interface CarsatContext {
  requestId: string;
  loaders: Loaders;
}
