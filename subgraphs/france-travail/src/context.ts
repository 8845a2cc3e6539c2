import type { Loaders } from './loaders';

/** What every resolver of the France Travail subgraph receives; built per request. */
export interface FranceTravailContext {
  requestId: string;
  loaders: Loaders;
}
