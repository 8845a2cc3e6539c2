import path from 'node:path';
import { createLogger, createSubgraphServer, gatewayContextOptionsOf, loadTypeDefs, type Logger, type RunningSubgraphServer } from '@passerelle/subgraph-kit';
import type { CafConfig } from './config';
import type { CafContext } from './context';
import { createCafClient } from './legacy/client';
import { createLoaders } from './loaders';
import { DossierCaf } from './resolvers/DossierCaf';
import { Usager } from './resolvers/Usager';

export const typeDefsPath = path.resolve(__dirname, '../schema.graphql');

/** Starts the CAF subgraph. */
export function createServer(config: CafConfig, logger: Logger = createLogger('caf', config.logLevel)): Promise<RunningSubgraphServer> {
  const caf = createCafClient({ baseUrl: config.legacyUrl, apiKey: config.legacyApiKey, timeoutMs: config.legacyTimeoutMs, maxConcurrency: config.legacyMaxConcurrency });
  return createSubgraphServer<CafContext>({
    name: 'caf',
    typeDefs: loadTypeDefs(typeDefsPath),
    resolvers: { Usager, DossierCaf },
    port: config.port,
    host: config.host,
    logger,
    gatewayContext: gatewayContextOptionsOf(config),
    createContext: (base) => ({ ...base, loaders: createLoaders(caf) }),
  });
}
