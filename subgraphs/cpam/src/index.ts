import path from 'node:path';
import { defineSubgraph, legacyClientOptionsOf } from '@passerelle/subgraph-kit';
import { cpamEnv } from './config';
import type { CpamContext } from './context';
import { createCpamClient } from './legacy/client';
import { createLoaders } from './loaders';
import { pseudonymesCpam } from './resolvers/pseudonymesCpam';
import { Usager } from './resolvers/Usager';

/** The CPAM subgraph. */
export const subgraph = defineSubgraph({
  name: 'cpam',
  typeDefsPath: path.resolve(__dirname, '../schema.graphql'),
  env: cpamEnv,
  resolvers: { Usager, Query: { pseudonymesCpam } },
  createContext(config) {
    const cpam = createCpamClient(legacyClientOptionsOf(config));
    return (base): CpamContext => ({ ...base, loaders: createLoaders(cpam) });
  },
});

export const { createServer, loadConfig: loadCpamConfig, typeDefsPath } = subgraph;
export { cpamEnv, type CpamConfig } from './config';
