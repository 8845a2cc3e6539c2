import path from 'node:path';
import { createLogger, createSubgraphServer, gatewayContextOptionsOf, loadTypeDefs, type Logger, type RunningSubgraphServer } from '@passerelle/subgraph-kit';
import { landlordClientConfig, type BailleursConfig } from './config';
import type { BailleursContext } from './context';
import { createAhClient } from './legacy/ahClient';
import { createRahClient } from './legacy/rahClient';
import { createLoaders } from './loaders';
import { Bail } from './resolvers/Bail';
import { Usager } from './resolvers/Usager';

export const typeDefsPath = path.resolve(__dirname, '../schema.graphql');

/** Starts the social landlords' subgraph. */
export function createServer(config: BailleursConfig, logger: Logger = createLogger('bailleurs', config.logLevel)): Promise<RunningSubgraphServer> {
  const rah = createRahClient(landlordClientConfig(config, 'rah'));
  const ah = createAhClient(landlordClientConfig(config, 'ah'));
  return createSubgraphServer<BailleursContext>({
    name: 'bailleurs',
    typeDefs: loadTypeDefs(typeDefsPath),
    resolvers: { Usager, Bail },
    port: config.port,
    host: config.host,
    logger,
    gatewayContext: gatewayContextOptionsOf(config),
    createContext: (base) => ({ ...base, loaders: createLoaders(rah, ah) }),
  });
}
