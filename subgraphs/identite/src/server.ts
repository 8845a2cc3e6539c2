import path from 'node:path';
import { createLogger, createSubgraphServer, gatewayContextOptionsOf, createUsagerIdCodec, loadTypeDefs, type Logger, type RunningSubgraphServer } from '@passerelle/subgraph-kit';
import type { IdentiteConfig } from './config';
import type { IdentiteContext } from './context';
import { createSngiClient } from './legacy/client';
import { createLoaders } from './loaders';
import { Query } from './resolvers/Query';
import { Usager } from './resolvers/Usager';

export const typeDefsPath = path.resolve(__dirname, '../schema.graphql');

/** Starts the identity subgraph. */
export function createServer(config: IdentiteConfig, logger: Logger = createLogger('identite', config.logLevel)): Promise<RunningSubgraphServer> {
  const sngi = createSngiClient({ baseUrl: config.legacyUrl, apiKey: config.legacyApiKey, timeoutMs: config.legacyTimeoutMs, maxConcurrency: config.legacyMaxConcurrency });
  const codec = createUsagerIdCodec(config.usagerIdSecret);
  return createSubgraphServer<IdentiteContext>({
    name: 'identite',
    typeDefs: loadTypeDefs(typeDefsPath),
    resolvers: { Query, Usager },
    port: config.port,
    host: config.host,
    logger,
    gatewayContext: gatewayContextOptionsOf(config),
    createContext: (base) => ({ ...base, sngi, codec, loaders: createLoaders(sngi) }),
  });
}
