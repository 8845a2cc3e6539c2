import path from 'node:path';
import { defineSubgraph, legacyClientOptionsOf } from '@passerelle/subgraph-kit';
import { regionEnv } from './config';
import type { RegionContext } from './context';
import { createRegionClient } from './legacy/client';
import { createLoaders } from './loaders';
import { RemunerationStagiaire } from './resolvers/RemunerationStagiaire';
import { Usager } from './resolvers/Usager';

/** The subgraph of Région Occitanie. */
export const subgraph = defineSubgraph({
  name: 'region',
  typeDefsPath: path.resolve(__dirname, '../schema.graphql'),
  env: regionEnv,
  // The file's other fields are properties of the objects the mappers build (resolvers/DossierStagiaireRegion.ts and the types it uses).
  resolvers: { Usager, RemunerationStagiaire },
  createContext(config) {
    // One client per server: its concurrency bound is shared by every request.
    const client = createRegionClient(legacyClientOptionsOf(config));
    // Fresh loaders per request: nothing is cached across callers.
    return (base): RegionContext => ({ ...base, loaders: createLoaders(client) });
  },
});

export const { createServer, loadConfig: loadRegionConfig } = subgraph;
export { regionEnv, type RegionConfig } from './config';
