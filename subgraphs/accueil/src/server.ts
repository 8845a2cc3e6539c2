import path from 'node:path';
import { createLogger, createSubgraphServer, gatewayContextOptionsOf, createUsagerIdCodec, loadTypeDefs, type Logger, type RunningSubgraphServer } from '@passerelle/subgraph-kit';
import type { AccueilConfig } from './config';
import type { AccueilContext } from './context';
import { createAccueilClient } from './legacy/client';
import { createLoaders } from './loaders';
import { EvenementTiersLieu } from './resolvers/EvenementTiersLieu';
import { LieuAccueil } from './resolvers/LieuAccueil';
import { Mutation } from './resolvers/Mutation';
import { CibleOrientation } from './resolvers/Orientation';
import { Query } from './resolvers/Query';
import { Usager } from './resolvers/Usager';

export const typeDefsPath = path.resolve(__dirname, '../schema.graphql');

/** Starts the reception-network subgraph. */
export function createServer(config: AccueilConfig, logger: Logger = createLogger('accueil', config.logLevel)): Promise<RunningSubgraphServer> {
  const accueil = createAccueilClient({ baseUrl: config.legacyUrl, apiKey: config.legacyApiKey, timeoutMs: config.legacyTimeoutMs, maxConcurrency: config.legacyMaxConcurrency });
  const usagerIds = createUsagerIdCodec(config.usagerIdSecret);
  return createSubgraphServer<AccueilContext>({
    name: 'accueil',
    typeDefs: loadTypeDefs(typeDefsPath),
    resolvers: { Query, Mutation, Usager, LieuAccueil, EvenementTiersLieu, CibleOrientation },
    port: config.port,
    host: config.host,
    logger,
    gatewayContext: gatewayContextOptionsOf(config),
    createContext: (base) => ({ ...base, loaders: createLoaders(accueil), accueil, usagerIds }),
  });
}
