import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DocumentNode } from 'graphql';
import { maskError } from '../errors/maskError';
import { createGraphQLHttpServer, sendJson, type RunningHttpServer } from '../http/createGraphQLHttpServer';
import type { Logger } from '../logging/createLogger';
import type { AppelPasserelle } from '../security/appelPasserelle';
import { hmacKeyOf, type GatewayContextKey } from '../security/gatewayContextKey';
import { appelOfRequest } from './appelOfRequest';

/** What the kit gives every subgraph's request context; each subgraph's context extends it. */
export interface SubgraphRequestContext extends BaseContext {
  /** This subgraph's id of the HTTP request (its `x-request-id`). */
  requestId: string;
  /** The gateway's signed context, verified: the gateway's request id, the caller and the purpose. */
  appel: AppelPasserelle;
}

/** What a partner subgraph gives the kit to be served. */
export interface SubgraphServerOptions<TContext extends SubgraphRequestContext> {
  /** The partner's name (`caf`), as in the supergraph: used in logs, /health, and as the audience of the gateway's contexts. */
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<TContext>;
  port: number;
  host: string;
  logger: Logger;
  /** GATEWAY_CONTEXT_SECRET and GATEWAY_CONTEXT_TTL_S (`gatewayContextEnv`): every request must carry a context the gateway signed for `name`. */
  gatewayContext: { secret: string; ttlS: number };
  /** Builds the per-request context from the kit's part: fresh DataLoaders every time, nothing shared across callers. */
  createContext: (base: SubgraphRequestContext) => TContext | Promise<TContext>;
}

/** A running subgraph: where it listens, and its name (the audience its requests must be signed for). */
export interface RunningSubgraphServer extends RunningHttpServer {
  name: string;
}

/**
 * Serves one federation subgraph: `POST /graphql` and `GET /health`. Every GraphQL request
 * must carry a context the gateway signed for this subgraph (HTTP 401 otherwise); /health
 * stays open. Errors are masked to registered codes, stack traces never leave the process,
 * and each request gets its own context.
 */
export async function createSubgraphServer<TContext extends SubgraphRequestContext>(options: SubgraphServerOptions<TContext>): Promise<RunningSubgraphServer> {
  const key: GatewayContextKey = { secret: options.gatewayContext.secret, audience: options.name, ttlS: options.gatewayContext.ttlS };
  // A secret too short is a configuration error: fail the start, not every request.
  hmacKeyOf(key.secret);
  const apollo = new ApolloServer<TContext>({
    schema: buildSubgraphSchema([{ typeDefs: options.typeDefs, resolvers: options.resolvers }]),
    includeStacktraceInErrorResponses: false,
    // The process owns the signals (each main.ts, or npm start for the whole federation):
    // Apollo's own handlers would re-raise SIGINT and kill the process before the others stop
    // (the gateway's audit journal would then never get its closing seal).
    stopOnTerminationSignals: false,
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
    // Apollo Server calls this before executing anything; the refusal it throws is answered with HTTP 401.
    context: async (req, requestId) => options.createContext({ requestId, appel: await appelOfRequest(req, key, options.logger) }),
    routes: { 'GET /health': (_req, res) => sendJson(res, 200, { status: 'ok', subgraph: options.name }) },
  });
  options.logger.info('subgraph listening', { subgraph: options.name, url: running.url });
  return { ...running, name: options.name };
}
