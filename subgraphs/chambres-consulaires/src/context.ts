import type { SubgraphRequestContext } from '@passerelle/subgraph-kit';
import type { Loaders } from './loaders';

/** What every resolver of the subgraph of Chambres consulaires de l'Aveyron receives; built per request. */
export interface ChambresConsulairesContext extends SubgraphRequestContext {
  loaders: Loaders;
}
