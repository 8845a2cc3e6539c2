import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { createLogger, type Logger } from '@passerelle/subgraph-kit';
import { createGraphQLHttpServer, type RunningHttpServer } from '@passerelle/subgraph-kit/http';
import type { GatewayConfig } from './config';
import { createGateway, toApolloLogger } from './createGateway';
import { formatGatewayError } from './formatGatewayError';
import { graphiqlLandingPage } from './graphiqlLandingPage';
import { graphiqlRoutes } from './graphiqlRoutes';
import { healthRoute } from './healthRoute';

export interface RunningGateway {
  /** Base URL, e.g. `http://127.0.0.1:4000`; the endpoint is `${url}/graphql`. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the gateway: Apollo Server over the ApolloGateway, served by the kit's HTTP adapter
 * with `/health`, and in dev mode GraphiQL (`/graphiql`, and `/graphql` from a browser).
 */
export async function createServer(config: GatewayConfig, logger: Logger = createLogger('gateway', config.logLevel)): Promise<RunningGateway> {
  const dev = config.mode === 'dev';
  const { gateway, unusedOverrides } = createGateway(config, logger);
  const apollo = new ApolloServer<BaseContext>({
    gateway,
    logger: toApolloLogger(logger),
    introspection: dev,
    includeStacktraceInErrorResponses: false,
    // In production, no "did you mean" suggestions that would reveal hidden parts of the schema.
    hideSchemaDetailsFromClientErrors: !dev,
    // index.ts owns the signals, so that HTTP and Apollo stop together and in order.
    stopOnTerminationSignals: false,
    formatError: formatGatewayError(logger),
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginLandingPageDisabled(), ...(dev ? [graphiqlLandingPage()] : [])],
  });

  let ready = false;
  // Built before starting, so that missing GraphiQL files fail the start, not a page load.
  const routes = { 'GET /health': healthRoute(() => ready), ...(dev ? graphiqlRoutes() : {}) };
  await apollo.start();
  for (const name of unusedOverrides()) {
    logger.warn('SUBGRAPH_URLS names a subgraph the supergraph does not have', { subgraph: name });
  }
  let http: RunningHttpServer;
  try {
    http = await createGraphQLHttpServer<BaseContext>({ apollo, port: config.port, host: config.host, context: async () => ({}), routes });
  } catch (error) {
    await apollo.stop();
    throw error;
  }
  ready = true;
  logger.info('gateway listening', { url: http.url, mode: config.mode });
  return {
    url: http.url,
    async stop() {
      ready = false;
      await http.stop();
    },
  };
}
