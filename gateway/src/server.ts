import type { IncomingMessage } from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { createLogger, createUsagerIdCodec, type Logger } from '@passerelle/subgraph-kit';
import { RequestSecurity } from './pipeline/RequestSecurity';
import { assertProductionAuditConfig, openAuditSink } from './audit/index';
import { createAuthenticator } from './auth/createAuthenticator';
import { createIdentityKeySet } from './auth/createIdentityKeySet';
import { finalitePlugin } from './security/finalitePlugin';
import { createGraphQLHttpServer, graphqlRoute, type HttpStopOptions, type RouteHandler, type RunningHttpServer } from '@passerelle/subgraph-kit/http';
import { analystesGraphqlPath } from './analystes/analystesPaths';
import { createAnalystesEndpoint } from './analystes/createAnalystesEndpoint';
import { csvRepresentation } from './analystes/csvRepresentation';
import { indicateursRoutes } from './analystes/indicateursRoutes';
import { gatewayContextJwksPath } from '@passerelle/subgraph-kit/security';
import { assertProductionIdentityConfig } from './auth/assertProductionIdentityConfig';
import type { ServerHooks } from './cluster/ServerHooks';
import type { GatewayConfig } from './config';
import { contextKeysRoute } from './contextKeys/contextKeysRoute';
import { createGateway, toApolloLogger } from './createGateway';
import { documentGuardPlugin } from './documentGuardPlugin';
import { formatGatewayError } from './formatGatewayError';
import { graphiqlLandingPage } from './graphiqlLandingPage';
import { graphiqlRoutes } from './graphiqlRoutes';
import { healthRoute } from './healthRoute';
import { readyRoute } from './readyRoute';
import { knownOperationTypesRule } from './limits/knownOperationTypesRule';
import { operationLimitRules } from './limits';
import { loadPersistedOperations, trustedDocumentsModeOf } from './trustedDocuments';
import { metricsRoute } from '@passerelle/subgraph-kit/metrics';
import { withServerSpan, withSpan } from '@passerelle/subgraph-kit/telemetry';
import { gatewayRegistry } from './metrics/gatewayMetrics';
import { metricsPlugin } from './metrics/metricsPlugin';
import { clusterMetricsRoute } from './metrics/clusterMetricsRoute';

export interface RunningGateway {
  /** Base URL, e.g. `http://127.0.0.1:4000`; the endpoint is `${url}/graphql`. */
  url: string;
  /** With `graceMs`, requests under way finish first (cluster/: graceful shutdown). */
  stop(options?: HttpStopOptions): Promise<void>;
}

/**
 * Starts the gateway: Apollo Server over the ApolloGateway, served by the kit's HTTP adapter
 * with `/health` (alive) and `/ready` (ready for traffic), the analysts' endpoint (`/analystes/graphql`) and their indicators page
 * (`/indicateurs`), and in dev mode GraphiQL (`/graphiql`, and `/graphql` from a browser).
 */
export async function createServer(config: GatewayConfig, logger: Logger = createLogger('gateway', config.logLevel), hooks: ServerHooks = {}): Promise<RunningGateway> {
  assertProductionIdentityConfig(config);
  const dev = config.mode === 'dev';
  // Read first: a missing or malformed manifest stops the start before anything else is built.
  const persistedOperations = loadPersistedOperations(config.persistedOperationsPath);
  assertProductionAuditConfig(config);
  // Fetched now, not on the first token: `GET /ready` waits for it (gateway/src/readyRoute.ts).
  const identityKeys = createIdentityKeySet(config.oidcJwksUrl, { logger });
  const authenticate = createAuthenticator(config, { logger, jwks: identityKeys.getKey });
  const journal = await (hooks.openJournal ? hooks.openJournal() : openAuditSink(config, logger));
  const { gateway, unusedOverrides, contextSigner } = createGateway(config, logger, journal);
  const codec = createUsagerIdCodec(config.usagerIdSecret);
  const trustedDocuments = { mode: trustedDocumentsModeOf(config), adHocRoles: config.trustedDocumentsAdHocRoles, operations: persistedOperations, logger };
  const apollo = new ApolloServer<BaseContext>({
    gateway,
    logger: toApolloLogger(logger),
    introspection: dev,
    includeStacktraceInErrorResponses: false,
    // In production, no "did you mean" suggestions that would reveal hidden parts of the schema.
    hideSchemaDetailsFromClientErrors: !dev,
    // Operation limits (GraphQL Armor); in production a refusal names the limit, never its value.
    // An operation type the schema lacks (a subscription) is a validation error, not an internal one.
    validationRules: [knownOperationTypesRule, ...operationLimitRules(config, dev)],
    // Trusted documents replace Apollo's APQ: a client cannot register a document by sending it with its hash.
    persistedQueries: false,
    // One operation per HTTP request: a batch would multiply every limit by its length.
    allowBatchedHttpRequests: false,
    // A request must be JSON or carry a preflight header, which a cross-site form or image cannot.
    csrfPrevention: true,
    // index.ts owns the signals, so that HTTP and Apollo stop together and in order.
    stopOnTerminationSignals: false,
    formatError: formatGatewayError(logger, { hideSuggestions: !dev }),
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      finalitePlugin(),
      documentGuardPlugin({ trustedDocuments, maxTokens: config.maxTokens, exposeLimits: dev }),
      ...(dev ? [graphiqlLandingPage()] : []),
      metricsPlugin({ endpoint: 'graph', knownOperations: new Set([...persistedOperations.values()].map((operation) => operation.name)) }),
    ],
  });

  // The analysts' endpoint: the same pipeline on the analysts' contract (gateway/src/analystes).
  const analystes = createAnalystesEndpoint({ config, logger, journal, contextSigner, persistedOperations });

  let loaded = false;
  let stopping = false;
  // Built before starting, so that missing GraphiQL files fail the start, not a page load.
  // One security object per request, created here and read by every later step
  // (gateway/src/pipeline/securePipeline.ts); a bad token stops here with 401.
  const context = async (req: IncomingMessage, requestId: string) =>
    new RequestSecurity({ requestId, caller: await withSpan('authentication', {}, () => authenticate(req.headers.authorization)), codec });
  // One span per GraphQL request, the root of its trace (or continuing a client's `traceparent`): every later span is its child.
  const aroundRequest = <T>(req: IncomingMessage, execute: () => Promise<T>): Promise<T> => withServerSpan('gateway request', req.headers, {}, execute);
  const analystesRoute: RouteHandler | null = analystes && graphqlRoute({ apollo: analystes, context, maxBodyBytes: config.maxBodyBytes, alternate: csvRepresentation, aroundRequest });
  const routes = {
    'GET /health': healthRoute(),
    'GET /ready': readyRoute({
      supergraph: () => loaded,
      identityProviderKeys: () => identityKeys.fetched(),
      auditSink: () => journal.writable(),
      notStopping: () => !stopping,
    }),
    // The gateway's metrics (metrics/metricNames.ts); each subgraph serves the kit's. A worker: every worker's (cluster/clusterMetrics.ts).
    'GET /metrics': hooks.metrics ? clusterMetricsRoute(hooks.metrics, logger) : metricsRoute(gatewayRegistry),
    ...(analystesRoute ? { [`POST ${analystesGraphqlPath}`]: analystesRoute, [`GET ${analystesGraphqlPath}`]: analystesRoute, ...indicateursRoutes() } : {}),
    [`GET ${gatewayContextJwksPath}`]: contextKeysRoute(contextSigner),
    ...(dev ? graphiqlRoutes() : {}),
  };
  await apollo.start();
  try {
    await analystes?.start();
  } catch (error) {
    await apollo.stop();
    await journal.close();
    throw error;
  }
  for (const name of unusedOverrides()) {
    logger.warn('SUBGRAPH_URLS names a subgraph the supergraph does not have', { subgraph: name });
  }
  let http: RunningHttpServer;
  try {
    http = await createGraphQLHttpServer<BaseContext>({
      apollo,
      port: config.port,
      host: config.host,
      // Who calls: a verified access token or nobody.
      context,
      routes,
      maxBodyBytes: config.maxBodyBytes,
      aroundRequest,
      ...(hooks.responseHeaders ? { responseHeaders: hooks.responseHeaders } : {}),
    });
  } catch (error) {
    await apollo.stop();
    await analystes?.stop();
    await journal.close();
    throw error;
  }
  loaded = true;
  logger.info('gateway listening', { url: http.url, mode: config.mode });
  return {
    url: http.url,
    async stop(options) {
      stopping = true;
      await http.stop(options);
      await analystes?.stop();
      // Sealed on close: the journal's tail is covered by a checkpoint.
      await journal.close();
    },
  };
}
