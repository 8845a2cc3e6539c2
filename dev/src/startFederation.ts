import path from 'node:path';
import { createPopulation, createSimulatorServer, discoverLegacySystems, simulatorEnv, simulatorsDirOf, type Population, type RunningSimulator } from '@passerelle/mocks';
import { createServer as createGateway, loadDevIdpConfig, loadGatewayConfig, startDevIdentityProvider, type DevIdentityProvider } from '@passerelle/gateway';
import { clearLegacyReadCaches, createLogger, readConfig, serverEnv, silentLogger, startTracing, type Logger, type RunningHttpServer } from '@passerelle/subgraph-kit';
import type { InMemorySpanExporter } from '@passerelle/subgraph-kit/telemetry/testing';
import { subgraphServices } from './federationServices';

export interface RunningFederation {
  /** The gateway's base URL; the graph is at `${gatewayUrl}/graphql`. */
  gatewayUrl: string;
  simulator: RunningSimulator;
  population: Population;
  subgraphs: ReadonlyMap<string, RunningHttpServer>;
  /** The development identity provider (dev mode only; null in production mode): mints tokens the gateway accepts. */
  identityProvider: DevIdentityProvider | null;
  /** Stops one subgraph (to test a partner being down). */
  stopSubgraph(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface FederationOptions {
  /** Environment every service reads its configuration from. @default process.env */
  env?: NodeJS.ProcessEnv;
  /** Log to stdout (npm start) or not at all (tests). @default false */
  log?: boolean;
  /** Tests: receive every log line of every process, at debug level (to scan them for personal data). */
  logWrite?: (line: string) => void;
  /**
   * Tests: every span of every service goes here (the federation's one process has one provider;
   * spans still cross services only through `traceparent` headers). Otherwise tracing follows
   * OTEL_EXPORTER_OTLP_ENDPOINT, off when unset.
   */
  spanExporter?: InMemorySpanExporter;
  /**
   * The repository whose subgraphs, simulators and supergraph to run (default: this one): the
   * scaffolder's acceptance test runs a copy in which it created a partner.
   */
  root?: string;
}

/**
 * Starts the whole federation in one process: the simulated legacy systems, every
 * subgraph and the gateway, each on its configured port (0 = any free port). Legacy URLs
 * that are not configured point at the simulator, and the gateway is told where each
 * subgraph actually listens. The gateway's process never installs msw interception: the
 * simulator calls the handlers' resolvers itself (mocks/src/server/compileRoutes.ts), or msw's
 * `getResponse` for a handler not built with `legacyRoute`.
 */
export async function startFederation(options: FederationOptions = {}): Promise<RunningFederation> {
  const env = options.env ?? process.env;
  const logger: (name: string) => Logger = (name) =>
    options.logWrite ? createLogger(name, 'debug', options.logWrite) : options.log ? createLogger(name, (env.LOG_LEVEL as 'info') ?? 'info') : silentLogger;
  const config = readConfig(simulatorEnv, env);
  // The variable every service validates (kit serverEnv), read once: the process has one provider.
  const { otlpEndpoint } = readConfig({ otlpEndpoint: serverEnv('FEDERATION', 0).otlpEndpoint }, env);
  const tracing = startTracing({ serviceName: 'passerelle', endpoint: otlpEndpoint, ...(options.spanExporter ? { exporter: options.spanExporter } : {}) });
  const population = createPopulation({ size: config.populationSize, seed: config.populationSeed });
  const simulator = await createSimulatorServer({
    port: config.port,
    host: config.host,
    population,
    defaults: { latencyMs: config.latencyMs, jitterMs: config.jitterMs, errorRate: config.errorRate },
    down: config.down,
    logger: logger('simulateur'),
    // The subgraphs run in this process: a test (or a tool, through the admin API) that resets the
    // counters or changes a system's knobs changes the system behind their back, so every legacy
    // read cache of the process is cleared then, and the next request reaches the system
    // (docs/configuration.md, "Legacy read caches").
    onAdminChange: clearLegacyReadCaches,
    ...(options.root ? { systems: discoverLegacySystems(simulatorsDirOf(options.root)) } : {}),
  });
  const subgraphs = new Map<string, RunningHttpServer>();
  let identityProvider: DevIdentityProvider | null = null;
  try {
    // In dev mode, the embedded identity provider; the gateway trusts it unless OIDC_* say otherwise.
    // In production mode none starts (it would refuse), and OIDC_* must name the real one.
    if ((env.PASSERELLE_MODE ?? 'dev') !== 'production') {
      const idp = loadDevIdpConfig(env);
      identityProvider = await startDevIdentityProvider({ mode: 'dev', port: idp.port, keyFile: idp.keyFile });
    }
    const oidc = identityProvider && !env.OIDC_ISSUER ? { OIDC_ISSUER: identityProvider.issuer, OIDC_JWKS_URL: identityProvider.jwksUrl } : {};
    await Promise.all(
      subgraphServices(options.root).map(async (service) => {
        const legacy = Object.fromEntries(
          Object.entries(service.legacyUrls)
            .filter(([variable]) => !env[variable])
            .map(([variable, system]) => [variable, simulator.urlOf(system)]),
        );
        subgraphs.set(service.name, await service.start({ ...env, ...legacy }, logger(service.name)));
      }),
    );
    const subgraphUrls = env.SUBGRAPH_URLS || [...subgraphs].map(([name, server]) => `${name}=${server.url}/graphql`).join(',');
    const supergraph = options.root && !env.SUPERGRAPH_PATH ? { SUPERGRAPH_PATH: path.join(options.root, 'schema/supergraph.graphql') } : {};
    const gateway = await createGateway(loadGatewayConfig({ ...env, ...oidc, ...supergraph, SUBGRAPH_URLS: subgraphUrls }), logger('gateway'));
    return {
      gatewayUrl: gateway.url,
      simulator,
      population,
      subgraphs,
      identityProvider,
      async stopSubgraph(name) {
        await subgraphs.get(name)?.stop();
        subgraphs.delete(name);
      },
      async stop() {
        await gateway.stop();
        await Promise.all([...subgraphs.values()].map((s) => s.stop()));
        await simulator.stop();
        await identityProvider?.stop();
        await tracing.shutdown();
      },
    };
  } catch (error) {
    await Promise.allSettled([...subgraphs.values()].map((s) => s.stop()));
    await simulator.stop();
    await identityProvider?.stop();
    await tracing.shutdown();
    throw error;
  }
}
