import path from 'node:path';
import { createLogger, createSubgraphServer, gatewayContextOptionsOf, loadTypeDefs, type Logger, type RunningSubgraphServer } from '@passerelle/subgraph-kit';
import type { MsaConfig } from './config';
import type { MsaContext } from './context';
import { createMsaClient } from './legacy/client';
import { createLoaders } from './loaders';
import { Usager } from './resolvers/Usager';

export const typeDefsPath = path.resolve(__dirname, '../schema.graphql');

/** Starts the MSA subgraph. */
export function createServer(config: MsaConfig, logger: Logger = createLogger('msa', config.logLevel)): Promise<RunningSubgraphServer> {
  const msa = createMsaClient({ baseUrl: config.legacyUrl, apiKey: config.legacyApiKey, timeoutMs: config.legacyTimeoutMs, maxConcurrency: config.legacyMaxConcurrency });
  return createSubgraphServer<MsaContext>({
    name: 'msa',
    typeDefs: loadTypeDefs(typeDefsPath),
    resolvers: { Usager },
    port: config.port,
    host: config.host,
    logger,
    gatewayContext: gatewayContextOptionsOf(config),
    createContext: (base) => ({ ...base, loaders: createLoaders(msa) }),
  });
}
