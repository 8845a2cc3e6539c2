import path from 'node:path';
import { createLogger, createSubgraphServer, gatewayContextOptionsOf, createUsagerIdCodec, loadTypeDefs, type Logger, type RunningSubgraphServer } from '@passerelle/subgraph-kit';
import type { DepartementConfig } from './config';
import type { DepartementContext } from './context';
import { createDepartementClient } from './legacy/client';
import { createLoaders } from './loaders';
import { Mutation } from './resolvers/Mutation';
import { Query } from './resolvers/Query';
import { Usager } from './resolvers/Usager';

export const typeDefsPath = path.resolve(__dirname, '../schema.graphql');

/** Starts the Département subgraph. */
export function createServer(config: DepartementConfig, logger: Logger = createLogger('departement', config.logLevel)): Promise<RunningSubgraphServer> {
  const departement = createDepartementClient({ baseUrl: config.legacyUrl, apiKey: config.legacyApiKey, timeoutMs: config.legacyTimeoutMs, maxConcurrency: config.legacyMaxConcurrency });
  const codec = createUsagerIdCodec(config.usagerIdSecret);
  return createSubgraphServer<DepartementContext>({
    name: 'departement',
    typeDefs: loadTypeDefs(typeDefsPath),
    resolvers: { Query, Mutation, Usager },
    port: config.port,
    host: config.host,
    logger,
    gatewayContext: gatewayContextOptionsOf(config),
    createContext: (base) => ({ ...base, departement, codec, loaders: createLoaders(departement) }),
  });
}
