import path from 'node:path';
import { defineSubgraph } from '@passerelle/subgraph-kit';
import { chamberClientConfig, chambresConsulairesEnv } from './config';
import type { ChambresConsulairesContext } from './context';
import { createChambreAgricultureClient } from './legacy/chambreAgricultureClient';
import { createCciClient } from './legacy/cciClient';
import { createCmaClient } from './legacy/cmaClient';
import { createLoaders } from './loaders';
import { Usager } from './resolvers/Usager';

/** The subgraph of the chambres consulaires of the Aveyron: one legacy system per chamber (CCI, CMA, Chambre d'agriculture). */
export const subgraph = defineSubgraph({
  name: 'chambres-consulaires',
  typeDefsPath: path.resolve(__dirname, '../schema.graphql'),
  env: chambresConsulairesEnv,
  // The file types' fields are properties of the objects Usager.chambresConsulaires returns (resolvers/SituationChambre.ts maps them).
  resolvers: { Usager },
  createContext(config) {
    // One client per chamber and server: each concurrency bound is shared by every request.
    const clients = {
      cci: createCciClient(chamberClientConfig(config, 'cci')),
      cma: createCmaClient(chamberClientConfig(config, 'cma')),
      'chambre-agriculture': createChambreAgricultureClient(chamberClientConfig(config, 'chambre-agriculture')),
    };
    // Fresh loaders per request: nothing is cached across callers.
    return (base): ChambresConsulairesContext => ({ ...base, loaders: createLoaders(clients) });
  },
});

export const { createServer, loadConfig: loadChambresConsulairesConfig } = subgraph;
export { chambresConsulairesEnv, type ChambresConsulairesConfig } from './config';
