import path from 'node:path';
import { createLogger, createSubgraphServer, gatewayContextOptionsOf, loadTypeDefs, type Logger, type RunningSubgraphServer } from '@passerelle/subgraph-kit';
import type { CarsatConfig } from './config';
import type { CarsatContext } from './context';
import { createCarsatClient } from './legacy/client';
import { createLoaders } from './loaders';
import { Usager } from './resolvers/Usager';

export const typeDefsPath = path.resolve(__dirname, '../schema.graphql');

/** Starts the Carsat subgraph. */
export function createServer(config: CarsatConfig, logger: Logger = createLogger('carsat', config.logLevel)): Promise<RunningSubgraphServer> {
  const carsat = createCarsatClient({ baseUrl: config.legacyUrl, apiKey: config.legacyApiKey, timeoutMs: config.legacyTimeoutMs, maxConcurrency: config.legacyMaxConcurrency });
  return createSubgraphServer<CarsatContext>({
    name: 'carsat',
    typeDefs: loadTypeDefs(typeDefsPath),
    resolvers: { Usager },
    port: config.port,
    host: config.host,
    logger,
    gatewayContext: gatewayContextOptionsOf(config),
    createContext: (base) => ({ ...base, loaders: createLoaders(carsat) }),
  });
}
