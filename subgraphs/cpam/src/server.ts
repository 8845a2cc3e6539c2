import path from 'node:path';
import { createLogger, createSubgraphServer, gatewayContextOptionsOf, loadTypeDefs, type Logger, type RunningSubgraphServer } from '@passerelle/subgraph-kit';
import type { CpamConfig } from './config';
import type { CpamContext } from './context';
import { createCpamClient } from './legacy/client';
import { createLoaders } from './loaders';
import { Usager } from './resolvers/Usager';

export const typeDefsPath = path.resolve(__dirname, '../schema.graphql');

/** Starts the CPAM subgraph. */
export function createServer(config: CpamConfig, logger: Logger = createLogger('cpam', config.logLevel)): Promise<RunningSubgraphServer> {
  const cpam = createCpamClient({ baseUrl: config.legacyUrl, apiKey: config.legacyApiKey, timeoutMs: config.legacyTimeoutMs, maxConcurrency: config.legacyMaxConcurrency });
  return createSubgraphServer<CpamContext>({
    name: 'cpam',
    typeDefs: loadTypeDefs(typeDefsPath),
    resolvers: { Usager },
    port: config.port,
    host: config.host,
    logger,
    gatewayContext: gatewayContextOptionsOf(config),
    createContext: (base) => ({ ...base, loaders: createLoaders(cpam) }),
  });
}
