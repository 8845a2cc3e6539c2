import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DocumentNode } from 'graphql';
import { maskError } from '../errors/maskError';
import { createGraphQLHttpServer, type RunningHttpServer } from '../http/createGraphQLHttpServer';
import type { Logger } from '../logging/createLogger';
import type { AppelPasserelle } from '../security/appelPasserelle';
import type { GatewayContextVerifier } from '../security/gatewayContextKey';
import { createContextVerificationCache } from '../security/createContextVerificationCache';
import { gatewayContextKeyResolver } from '../security/gatewayContextKeyResolver';
import { bindLegacyReadCaller, cacheBypassHeader, readOnlyRequestHeader, runWithLegacyReadScope } from '../legacy/legacyReadScope';
import { currentDeadline, deadlineHeader, deadlineOf, runWithDeadline } from '../legacy/requestDeadline';
import { appelOfRequest } from './appelOfRequest';
import { kitRegistry, subgraphRequestDuration, subgraphRequests } from '../metrics/kitMetrics';
import { metricsRoute } from '../metrics/metricsRoute';
import { withServerSpan } from '../telemetry/spans';
import type { GatewayContextOptions } from './gatewayContextOptionsOf';
import { subgraphProbeRoutes } from './subgraphProbeRoutes';

/** What the kit gives every subgraph's request context; each subgraph's context extends it. */
export interface SubgraphRequestContext extends BaseContext {
  /** This subgraph's id of the HTTP request (its `x-request-id`). */
  requestId: string;
  /** The gateway's signed context, verified: the gateway's request id, the caller and the purpose. */
  appel: AppelPasserelle;
  /**
   * When this request's legacy work stops (epoch ms), from the gateway's `x-passerelle-echeance-ms`
   * (legacy/requestDeadline.ts); null without one. Legacy clients read it themselves: it is here to be seen, not passed on.
   */
  echeance: number | null;
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
  /** `gatewayContextOptionsOf(config)`: every request must carry a context the gateway signed for `name`, checked with its public keys. */
  gatewayContext: GatewayContextOptions;
  /** Builds the per-request context from the kit's part: fresh DataLoaders every time, nothing shared across callers. */
  createContext: (base: SubgraphRequestContext) => TContext | Promise<TContext>;
}

/** A running subgraph: where it listens, and its name (the audience its requests must be signed for). */
export interface RunningSubgraphServer extends RunningHttpServer {
  name: string;
}

/**
 * Serves one federation subgraph: `POST /graphql`, `GET /health`, `GET /ready` and `GET /metrics`
 * (metrics/kitMetrics.ts). Every GraphQL request must carry a context the gateway signed for this
 * subgraph (HTTP 401 otherwise); the probes stay open. Errors are masked to registered codes, stack traces never leave the process,
 * and each request gets its own context.
 */
export async function createSubgraphServer<TContext extends SubgraphRequestContext>(options: SubgraphServerOptions<TContext>): Promise<RunningSubgraphServer> {
  const { jwks, ttlS, mode } = options.gatewayContext;
  const onReloadProblem = (problem: string) => options.logger.warn('GATEWAY_CONTEXT_JWKS could not be re-read; the keys read before stay in use', { subgraph: options.name, problem });
  // Public keys only: this process never holds a key that could sign a context.
  const verifier: GatewayContextVerifier = { keys: gatewayContextKeyResolver(jwks, { mode, onReloadProblem }), audience: options.name, ttlS };
  // One token per gateway request and subgraph, sent with each of that request's fetches here: verified once, reused a moment.
  const contexts = { audience: options.name, verify: createContextVerificationCache(verifier) };
  const apollo = new ApolloServer<TContext>({
    schema: buildSubgraphSchema([{ typeDefs: options.typeDefs, resolvers: options.resolvers }]),
    includeStacktraceInErrorResponses: false,
    // The process owns the signals (each main.ts, or npm start for the whole federation):
    // Apollo's own handlers would re-raise SIGINT and kill the process before the others stop
    // (the gateway's audit journal would then never get its closing seal).
    stopOnTerminationSignals: false,
    // Inline traces (ftv1) would send resolver timings to every caller of the subgraph.
    // Cache control is off: no field has a cache hint (the gateway answers with no cache-control
    // either), and Apollo Server's default plugin would otherwise wrap every resolver of every
    // request to collect hints nobody reads (docs/performance.md).
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
    formatError: (formatted, error) => {
      const masked = maskError(formatted);
      if (masked.extensions?.code === 'ERREUR_INTERNE') {
        options.logger.error('unexpected resolver error', { errorName: error instanceof Error ? error.name : typeof error });
      }
      return masked;
    },
  });
  await apollo.start();
  let stopping = false;
  const running = await createGraphQLHttpServer<TContext>({
    apollo,
    port: options.port,
    host: options.host,
    // Apollo Server calls this before executing anything; the refusal it throws is answered with HTTP 401.
    // The verified caller keys this request's caller-dependent legacy reads (legacy/legacyReadScope.ts).
    context: async (req, requestId) => {
      const appel = await appelOfRequest(req, contexts, options.logger);
      bindLegacyReadCaller(appel);
      return options.createContext({ requestId, appel, echeance: currentDeadline() });
    },
    // The gateway's deadline for this fetch: every legacy call made while the request executes stops at it.
    // `x-passerelle-sans-cache: 1`: every legacy read of this request skips the read caches (legacy/legacyReadScope.ts).
    // `x-passerelle-lecture: 1`: the fetch is part of a query; its reads may serve the same gateway request's later fetches.
    // Its span continues the trace the gateway's `traceparent` names (the headers only: telemetry/spans.ts).
    aroundRequest: (req, execute) =>
      withServerSpan('subgraph request', req.headers, { 'passerelle.subgraph': options.name }, async () => {
        const stopTimer = subgraphRequestDuration.startTimer({ subgraph: options.name });
        subgraphRequests.inc({ subgraph: options.name });
        try {
          return await runWithDeadline(deadlineOf(req.headers[deadlineHeader]), () =>
            runWithLegacyReadScope({ bypass: req.headers[cacheBypassHeader] === '1', readOnly: req.headers[readOnlyRequestHeader] === '1' }, execute),
          );
        } finally {
          stopTimer();
        }
      }),
    routes: { ...subgraphProbeRoutes(options.name, () => stopping), 'GET /metrics': metricsRoute(kitRegistry) },
  });
  options.logger.info('subgraph listening', { subgraph: options.name, url: running.url });
  return {
    ...running,
    name: options.name,
    stop() {
      stopping = true;
      return running.stop();
    },
  };
}
