import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DocumentNode } from 'graphql';
import { maskError } from '../errors/maskError';
import { createGraphQLHttpServer, sendJson, type RunningHttpServer } from '../http/createGraphQLHttpServer';
import type { Logger } from '../logging/createLogger';

/** What a partner subgraph gives the kit to be served. */
export interface SubgraphServerOptions<TContext extends BaseContext> {
  /** The partner's name (`caf`), used in logs and /health. */
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<TContext>;
  port: number;
  host: string;
  logger: Logger;
  /** Builds the per-request context: fresh DataLoaders every time, nothing shared across callers. */
  createContext: (requestId: string) => TContext | Promise<TContext>;
}

/**
 * Serves one federation subgraph: `POST /graphql` and `GET /health`. Errors are masked to
 * registered codes, stack traces never leave the process, and each request gets its own
 * context.
 */
export async function createSubgraphServer<TContext extends BaseContext>(options: SubgraphServerOptions<TContext>): Promise<RunningHttpServer> {
  const apollo = new ApolloServer<TContext>({
    schema: buildSubgraphSchema([{ typeDefs: options.typeDefs, resolvers: options.resolvers }]),
    includeStacktraceInErrorResponses: false,
    // Inline traces (ftv1) would send resolver timings to every caller of the subgraph.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    formatError: (formatted, error) => {
      const masked = maskError(formatted);
      if (masked.extensions?.code === 'ERREUR_INTERNE') {
        options.logger.error('unexpected resolver error', { errorName: error instanceof Error ? error.name : typeof error });
      }
      return masked;
    },
  });
  await apollo.start();
  const running = await createGraphQLHttpServer<TContext>({
    apollo,
    port: options.port,
    host: options.host,
    context: async (_req, requestId) => options.createContext(requestId),
    routes: { 'GET /health': (_req, res) => sendJson(res, 200, { status: 'ok', subgraph: options.name }) },
  });
  options.logger.info('subgraph listening', { subgraph: options.name, url: running.url });
  return running;
}
