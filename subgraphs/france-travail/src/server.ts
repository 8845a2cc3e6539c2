import path from 'node:path';
import { createLogger, createSubgraphServer, gatewayContextOptionsOf, loadTypeDefs, type Logger, type RunningSubgraphServer } from '@passerelle/subgraph-kit';
import type { FranceTravailConfig } from './config';
import type { FranceTravailContext } from './context';
import { createFranceTravailClient } from './legacy/client';
import { createLoaders } from './loaders';
import { DossierFranceTravail } from './resolvers/DossierFranceTravail';
import { Usager } from './resolvers/Usager';

export const typeDefsPath = path.resolve(__dirname, '../schema.graphql');

/** Starts the France Travail subgraph. */
export function createServer(config: FranceTravailConfig, logger: Logger = createLogger('france-travail', config.logLevel)): Promise<RunningSubgraphServer> {
  const franceTravail = createFranceTravailClient({ baseUrl: config.legacyUrl, apiKey: config.legacyApiKey, timeoutMs: config.legacyTimeoutMs, maxConcurrency: config.legacyMaxConcurrency });
  return createSubgraphServer<FranceTravailContext>({
    name: 'france-travail',
    typeDefs: loadTypeDefs(typeDefsPath),
    resolvers: { Usager, DossierFranceTravail },
    port: config.port,
    host: config.host,
    logger,
    gatewayContext: gatewayContextOptionsOf(config),
    createContext: (base) => ({ ...base, loaders: createLoaders(franceTravail) }),
  });
}
