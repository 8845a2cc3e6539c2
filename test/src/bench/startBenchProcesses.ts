import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { legacySystems } from '@passerelle/mocks';
import { defaultSupergraphPath, gatewayNodeFlags, startDevIdentityProvider, type DevIdentityProvider } from '@passerelle/gateway';
import { bundleService, bundleTargets, type BundleTarget } from '@passerelle/subgraph-kit/build';
import { subgraphServices } from '@passerelle/dev';
import type { GatewayKey } from './benchTypes';
import { spawnService, type ChildService } from './spawnService';

/** Every process of one bench run, each its own (the dev identity provider excepted: it only serves its JWKS, once). */
export interface BenchProcesses {
  simulator: ChildService;
  subgraphs: ChildService[];
  gateways: ReadonlyMap<GatewayKey, ChildService>;
  identityProvider: DevIdentityProvider;
  /** The directory of this run's supergraph, audit journal and keys. */
  workDir: string;
  stop(): Promise<void>;
}

export interface BenchProcessOptions {
  usagerIdSecret: string;
  populationSize: number;
  gateways: readonly GatewayKey[];
  /** V8 options for Passerelle's gateway, instead of its image's (experiments: docs/performance.md). */
  passerelleNodeFlags?: string;
  /**
   * An OpenTelemetry collector (OTLP over HTTP) for the spans of Passerelle's gateway and of every
   * subgraph (`npm run bench:critical-path`); unset, tracing stays off as in production's default.
   */
  otlpEndpoint?: string;
}

const repositoryRoot = path.resolve(__dirname, '../../..');
const quiet = { LOG_LEVEL: 'error' };

/** The peers' launchers, bundled like the services (test/dist/bench/), so that every gateway runs without a TypeScript loader. */
const peerTargets: BundleTarget[] = (['bareApolloGateway', 'hiveGateway'] as const).map((name) => ({
  name,
  entry: path.join(__dirname, `${name}.ts`),
  outfile: path.resolve(__dirname, `../../dist/bench/${name}.js`),
}));

/**
 * Every process the bench measures runs from a bundle, as in the images (`npm run bundle`,
 * docs/operations.md): the gateway, each subgraph and the peers' launchers alike, since tsx's
 * loader alone costs a process tens of MiB and a share of its CPU. Built afresh at each run (a
 * second or two), so the figures are those of the code checked out. The simulator, the same for
 * every gateway and no production process, stays on tsx (it loads each legacy system's module by path).
 */
async function bundleEverything(): Promise<Map<string, string>> {
  const targets = [...bundleTargets(repositoryRoot), ...peerTargets];
  const bundled = await Promise.all(targets.map((target) => bundleService(target)));
  return new Map(bundled.map((b) => [b.name, b.outfile]));
}

/**
 * The supergraph every gateway of the run plans on: the committed one, with each subgraph's URL
 * replaced by where it listens in this run (`croisements`, served by Passerelle's gateway itself, is
 * in no scenario and keeps its URL).
 */
function writeSupergraph(workDir: string, urls: ReadonlyMap<string, string>): string {
  const sdl = readFileSync(defaultSupergraphPath(), 'utf8').replace(/@join__graph\(name: "([a-z-]+)", url: "[^"]*"\)/g, (whole, name: string) =>
    urls.has(name) ? `@join__graph(name: "${name}", url: "${urls.get(name)}")` : whole,
  );
  const file = path.join(workDir, 'supergraph.graphql');
  writeFileSync(file, sdl);
  return file;
}

/**
 * Starts the simulator, every subgraph and each gateway under test as child processes on free
 * loopback ports (the simulator at latency 0; the bench sets it per setting), and the dev
 * identity provider in this process. Stops what started when anything fails.
 */
export async function startBenchProcesses({ usagerIdSecret, populationSize, gateways, passerelleNodeFlags, otlpEndpoint }: BenchProcessOptions): Promise<BenchProcesses> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-'));
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', ...quiet, USAGER_ID_SECRET: usagerIdSecret };
  // The subgraphs' and Passerelle's tracing (the peers and the simulator read no such variable).
  const tracing: NodeJS.ProcessEnv = otlpEndpoint === undefined ? {} : { OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint };
  const started: ChildService[] = [];
  const identityProvider = await startDevIdentityProvider({ mode: 'dev', port: 0, keyFile: path.join(workDir, 'dev-idp-key.json') });
  const stopAll = async () => {
    await Promise.allSettled(started.map((service) => service.stop()));
    await identityProvider.stop();
  };
  try {
    const bundleOf = await bundleEverything();
    const simulator = await spawnService({
      name: 'simulator',
      script: path.join(repositoryRoot, 'mocks/src/cli/startSimulator.ts'),
      env: (port) => ({ ...base, SIMULATEUR_PORT: String(port), SIMULATEUR_LATENCE_MS: '0', SIMULATEUR_GIGUE_MS: '0', POPULATION_TAILLE: String(populationSize) }),
      readyPath: '/_admin/stats',
      logFile: path.join(workDir, 'simulator.log'),
      readyTimeoutMs: 120_000,
    });
    started.push(simulator);
    const prefixOf = new Map(legacySystems.map((system) => [system.name, system.prefix]));
    const auditJournal = path.join(workDir, 'journal.jsonl');
    const subgraphs = await Promise.all(
      subgraphServices().map(async (service) => {
        const legacy = Object.fromEntries(Object.entries(service.legacyUrls).map(([variable, system]) => [variable, `${simulator.url}${prefixOf.get(system) ?? `/${system}`}`]));
        const child = await spawnService({
          name: service.name,
          script: bundleOf.get(service.name)!,
          env: (port) => ({ ...base, ...tracing, ...legacy, [service.portVariable]: String(port), AUDIT_JOURNAL_PATH: auditJournal }),
          readyPath: '/health',
          readyTimeoutMs: 180_000,
          logFile: path.join(workDir, `${service.name}.log`),
        });
        started.push(child);
        return child;
      }),
    );
    const supergraphPath = writeSupergraph(workDir, new Map(subgraphs.map((s) => [s.name, `${s.url}/graphql`])));
    const scriptOf: Record<GatewayKey, string> = {
      passerelle: bundleOf.get('gateway')!,
      apollo: bundleOf.get('bareApolloGateway')!,
      hive: bundleOf.get('hiveGateway')!,
      'passerelle-workers': bundleOf.get('gateway')!,
    };
    const running = new Map<GatewayKey, ChildService>();
    // One after another: each gateway starts on an idle machine.
    for (const key of gateways) {
      const env = (port: number): NodeJS.ProcessEnv =>
        key === 'passerelle' || key === 'passerelle-workers'
          ? {
              ...base,
              ...tracing,
              GATEWAY_PORT: String(port),
              SUPERGRAPH_PATH: supergraphPath,
              OIDC_ISSUER: identityProvider.issuer,
              OIDC_JWKS_URL: identityProvider.jwksUrl,
              // Each Passerelle its own file journal: the file has one writer (its lock refuses a second).
              ...(key === 'passerelle' ? { AUDIT_JOURNAL_PATH: auditJournal } : { AUDIT_JOURNAL_PATH: path.join(workDir, 'journal-workers.jsonl'), GATEWAY_WORKERS: 'auto' }),
            }
          : { ...base, BENCH_PEER_PORT: String(port), SUPERGRAPH_PATH: supergraphPath };
      // Passerelle with the flags its image runs it with (deploy/docker/gateway.Dockerfile); the peers on Node's defaults.
      const nodeArgs = key === 'passerelle' || key === 'passerelle-workers' ? (passerelleNodeFlags?.split(/\s+/) ?? gatewayNodeFlags) : [];
      const child = await spawnService({ name: key, script: scriptOf[key], env, nodeArgs, readyPath: '/health', readyTimeoutMs: 120_000, logFile: path.join(workDir, `gateway-${key}.log`) });
      started.push(child);
      running.set(key, child);
    }
    return { simulator, subgraphs, gateways: running, identityProvider, workDir, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
