import type { SubgraphRequestContext } from '@passerelle/subgraph-kit';
import type { Loaders } from './loaders';

/** What every resolver of the France Travail subgraph receives; built per request. */
export interface FranceTravailContext extends SubgraphRequestContext {
  loaders: Loaders;
}
