import path from 'node:path';
import { createLogger, createSubgraphServer, gatewayContextOptionsOf, loadTypeDefs, type Logger, type RunningSubgraphServer } from '@passerelle/subgraph-kit';
import type { EtatConfig } from './config';
import type { EtatContext } from './context';
import { createSiaoClient } from './legacy/client';
import { createLoaders } from './loaders';
import { Usager } from './resolvers/Usager';

export const typeDefsPath = path.resolve(__dirname, '../schema.graphql');

/** Starts the État (SIAO) subgraph. */
export function createServer(config: EtatConfig, logger: Logger = createLogger('etat', config.logLevel)): Promise<RunningSubgraphServer> {
  const siao = createSiaoClient({ baseUrl: config.legacyUrl, apiKey: config.legacyApiKey, timeoutMs: config.legacyTimeoutMs, maxConcurrency: config.legacyMaxConcurrency });
  return createSubgraphServer<EtatContext>({
    name: 'etat',
    typeDefs: loadTypeDefs(typeDefsPath),
    resolvers: { Usager },
    port: config.port,
    host: config.host,
    logger,
    gatewayContext: gatewayContextOptionsOf(config),
    createContext: (base) => ({ ...base, loaders: createLoaders(siao) }),
  });
}
