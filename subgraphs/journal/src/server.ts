import path from 'node:path';
import { createLogger, createSubgraphServer, gatewayContextOptionsOf, loadTypeDefs, type Logger, type RunningSubgraphServer } from '@passerelle/subgraph-kit';
import type { JournalConfig } from './config';
import type { JournalContext } from './context';
import { Query } from './resolvers/Query';

export const typeDefsPath = path.resolve(__dirname, '../schema.graphql');

/** Starts the journal subgraph. */
export function createServer(config: JournalConfig, logger: Logger = createLogger('journal', config.logLevel)): Promise<RunningSubgraphServer> {
  return createSubgraphServer<JournalContext>({
    name: 'journal',
    typeDefs: loadTypeDefs(typeDefsPath),
    resolvers: { Query },
    port: config.port,
    host: config.host,
    logger,
    gatewayContext: gatewayContextOptionsOf(config),
    createContext: (base) => ({ ...base, auditJournalPath: config.auditJournalPath }),
  });
}
