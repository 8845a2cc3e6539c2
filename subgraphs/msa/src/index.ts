import path from 'node:path';
import { defineSubgraph, legacyClientOptionsOf } from '@passerelle/subgraph-kit';
import { msaEnv } from './config';
import type { MsaContext } from './context';
import { createMsaClient } from './legacy/client';
import { createLoaders } from './loaders';
import { Usager } from './resolvers/Usager';

/** The MSA subgraph. */
export const subgraph = defineSubgraph({
  name: 'msa',
  typeDefsPath: path.resolve(__dirname, '../schema.graphql'),
  env: msaEnv,
  resolvers: { Usager },
  createContext(config) {
    const msa = createMsaClient(legacyClientOptionsOf(config));
    return (base): MsaContext => ({ ...base, loaders: createLoaders(msa) });
  },
});

export const { createServer, loadConfig: loadMsaConfig, typeDefsPath } = subgraph;
export { msaEnv, type MsaConfig } from './config';
