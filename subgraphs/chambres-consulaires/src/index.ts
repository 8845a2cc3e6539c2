import path from 'node:path';
import { defineSubgraph, legacyClientOptionsOf } from '@passerelle/subgraph-kit';
import { chambresConsulairesEnv } from './config';
import type { ChambresConsulairesContext } from './context';
import { createChambresConsulairesClient } from './legacy/client';
import { createLoaders } from './loaders';
import { Usager } from './resolvers/Usager';

/** The subgraph of Chambres consulaires de l'Aveyron. */
export const subgraph = defineSubgraph({
  name: 'chambres-consulaires',
  typeDefsPath: path.resolve(__dirname, '../schema.graphql'),
  env: chambresConsulairesEnv,
  // DossierChambresConsulaires's fields are properties of the object Usager.chambresConsulaires returns (resolvers/DossierChambresConsulaires.ts maps it).
  resolvers: { Usager },
  createContext(config) {
    // One client per server: its concurrency bound is shared by every request.
    const client = createChambresConsulairesClient(legacyClientOptionsOf(config));
    // Fresh loaders per request: nothing is cached across callers.
    return (base): ChambresConsulairesContext => ({ ...base, loaders: createLoaders(client) });
  },
});

export const { createServer, loadConfig: loadChambresConsulairesConfig } = subgraph;
export { chambresConsulairesEnv, type ChambresConsulairesConfig } from './config';
