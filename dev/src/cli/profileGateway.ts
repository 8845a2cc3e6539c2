import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createUsagerIdCodec } from '@passerelle/subgraph-kit';
import { createPopulation, createSimulatorServer, simulatorEnv } from '@passerelle/mocks';
import { startDevIdentityProvider } from '@passerelle/gateway';
import { readConfig, silentLogger } from '@passerelle/subgraph-kit';
import { bundleService, bundleTargets, loaderArgsFor, selectBundleTargets } from '@passerelle/subgraph-kit/build';
import { subgraphServices } from '../federationServices';

/**
 * `npm run profile:gateway` — a profiling aid for the gateway's own CPU (docs/performance.md),
 * not the side-by-side benchmark (`npm run bench`). Three processes on loopback:
 *  - the backend (this file with `--backend`): simulator (latency 0), identity provider and every
 *    subgraph, on free ports; it prints what the gateway and the load need as one JSON line;
 *  - the gateway alone, from its bundle as in its image (`gateway/dist/main.js`, `npm run bundle`), pointed at those subgraphs; with `--cpu-prof`
 *    it writes a V8 profile into a temporary directory on stop;
 *  - the load (this process): for each scenario, `--clients` loops (default 50) for `--seconds`
 *    (default 20, at most 30) after a short warm-up.
 * Per scenario it prints req/s, p50/p99, errors, the gateway's CPU ms per request and the
 * subgraphs' (all their processes together), from /proc/<pid>/stat (utime + stime) before and
 * after, divided by the requests served. `--cpu-prof-subgraph <name>` profiles that subgraph too.
 */
const repository = path.resolve(__dirname, '../../..');
const usagerIdSecret = 'profile-gateway-usager-id-secret';

interface BackendInfo {
  /** Legacy system → the simulator's URL for it. */
  legacy: Record<string, string>;
  oidcIssuer: string;
  oidcJwksUrl: string;
  tokens: { usager: string; referent: string; accueil: string };
  personaId: string;
  listIds: string[];
}

/** The simulator (latency 0) and the identity provider, in one process: prints what the rest needs as one JSON line. */
async function backend(): Promise<void> {
  const env = { ...process.env, SIMULATEUR_PORT: '0', DEV_IDP_PORT: '0', SIMULATEUR_LATENCE_MS: '0', SIMULATEUR_GIGUE_MS: '0', POPULATION_TAILLE: '3000' };
  const config = readConfig(simulatorEnv, env);
  const population = createPopulation({ size: config.populationSize, seed: config.populationSeed });
  const simulator = await createSimulatorServer({ port: 0, host: '127.0.0.1', population, defaults: { latencyMs: 0, jitterMs: 0, errorRate: 0 }, down: [], logger: silentLogger });
  const idp = await startDevIdentityProvider({ mode: 'dev', port: 0, keyFile: path.join(mkdtempSync(path.join(os.tmpdir(), 'passerelle-profile-idp-')), 'key.json') });
  const codec = createUsagerIdCodec(usagerIdSecret);
  const personaId = codec.encode(population.persona('rsa-isolee').nir);
  const mint = (claims: Record<string, unknown>) => idp.mint(claims, 3600);
  const systems = [...new Set(subgraphServices().flatMap((s) => Object.values(s.legacyUrls)))];
  const info: BackendInfo = {
    legacy: Object.fromEntries(systems.map((system) => [system, simulator.urlOf(system)])),
    oidcIssuer: idp.issuer,
    oidcJwksUrl: idp.jwksUrl,
    tokens: {
      usager: await mint({ sub: personaId, roles: ['usager'], organisation: 'usager', usager_id: personaId }),
      referent: await mint({ sub: 'profile-referent', roles: ['referent'], organisation: 'CD12', referent_id: 'ref-001' }),
      accueil: await mint({ sub: 'profile-accueil', roles: ['accueil'], organisation: 'CD12' }),
    },
    personaId,
    listIds: population.personnes
      .filter((p) => !p.ref.startsWith('persona:'))
      .slice(0, 50)
      .map((p) => codec.encode(p.nir)),
  };
  process.stdout.write(`${JSON.stringify(info)}\n`);
  const stop = () => void Promise.all([simulator.stop(), idp.stop()]).then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** One subgraph in its own process (`--subgraph <name>`), its legacy systems at the simulator's URLs given in PROFILE_LEGACY. */
async function subgraph(name: string): Promise<void> {
  const service = subgraphServices().find((s) => s.name === name);
  if (!service) throw new Error(`no subgraph named ${name}`);
  const urls = JSON.parse(process.env.PROFILE_LEGACY ?? '{}') as Record<string, string>;
  const legacy = Object.fromEntries(Object.entries(service.legacyUrls).map(([variable, system]) => [variable, urls[system]]));
  const running = await service.start({ ...process.env, ...legacy, [service.portVariable]: '0' }, silentLogger);
  process.stdout.write(`${JSON.stringify({ subgraph: name, url: running.url })}\n`);
  const stop = () => void running.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** Starts `args` under Node (with tsx for a TypeScript script) and resolves with the first stdout line `pick` accepts. */
function startChild(args: string[], env: NodeJS.ProcessEnv, pick: (line: string) => string | null): Promise<{ child: ChildProcess; value: string }> {
  const child = spawn(process.execPath, [...loaderArgsFor(args), ...args], { cwd: repository, env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    let done = false;
    lines.on('line', (line) => {
      const value = done ? null : pick(line);
      if (value !== null) {
        done = true;
        resolve({ child, value });
      }
    });
    child.once('exit', (code) => done || reject(new Error(`${args.join(' ')} exited with ${code} before it was ready`)));
  });
}

/** utime + stime of a process, in ms (/proc/<pid>/stat, fields 14 and 15, in clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The process's peak resident set since it started (VmHWM of /proc/<pid>/status), in MiB. */
function peakRssMibOf(pid: number): number {
  const line = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return line ? Math.round(Number(line[1]) / 1024) : 0;
}

interface Round {
  scenario: string;
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
  gatewayCpuMsPerRequest: number;
  gatewayPeakRssMib: number;
  /** All subgraph processes together. */
  subgraphsCpuMsPerRequest: number;
}

async function load(
  url: string,
  body: string,
  headers: Record<string, string>,
  clients: number,
  seconds: number,
  gatewayPid: number | null,
  subgraphPids: readonly number[],
): Promise<Omit<Round, 'scenario'>> {
  const durations: number[] = [];
  let errors = 0;
  const once = async () => {
    const t0 = performance.now();
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      const answer = (await response.json()) as { errors?: unknown[] };
      if (response.status !== 200 || answer.errors) {
        errors += 1;
        // The first error of a scenario, for whoever wonders why (codes and paths, never data).
        if (errors === 1) process.stderr.write(`first error: HTTP ${response.status} ${JSON.stringify(answer.errors?.[0] ?? null)}\n`);
      }
    } catch (error) {
      errors += 1;
      if (errors === 1) process.stderr.write(`first error: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    return performance.now() - t0;
  };
  const run = async (ms: number, record: boolean) => {
    const deadline = performance.now() + ms;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < deadline) {
          const took = await once();
          if (record) durations.push(took);
        }
      }),
    );
  };
  await run(3000, false);
  errors = 0;
  const subgraphsCpu = () => subgraphPids.reduce((sum, pid) => sum + cpuMsOf(pid), 0);
  const cpuBefore = gatewayPid === null ? 0 : cpuMsOf(gatewayPid);
  const subgraphsBefore = subgraphsCpu();
  const t0 = performance.now();
  await run(seconds * 1000, true);
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = gatewayPid === null ? 0 : cpuMsOf(gatewayPid) - cpuBefore;
  const subgraphs = subgraphsCpu() - subgraphsBefore;
  const sorted = durations.sort((a, b) => a - b);
  const at = (p: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0) * 10) / 10;
  return {
    requests: sorted.length,
    errors,
    perSecond: Math.round((sorted.length / elapsed) * 10) / 10,
    p50: at(0.5),
    p99: at(0.99),
    gatewayCpuMsPerRequest: Math.round((cpu / Math.max(1, sorted.length)) * 100) / 100,
    gatewayPeakRssMib: gatewayPid === null ? 0 : peakRssMibOf(gatewayPid),
    subgraphsCpuMsPerRequest: Math.round((subgraphs / Math.max(1, sorted.length)) * 100) / 100,
  };
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

async function main(): Promise<void> {
  if (process.argv.includes('--backend')) return backend();
  if (process.argv.includes('--subgraph')) return subgraph(process.argv[process.argv.indexOf('--subgraph') + 1] ?? '');
  const clients = option('clients', 50);
  const seconds = Math.min(30, option('seconds', 20));
  const cpuProf = process.argv.includes('--cpu-prof');
  const only = process.argv.includes('--scenario') ? process.argv[process.argv.indexOf('--scenario') + 1] : undefined;
  // `--cpu-prof-subgraph <name>`: a V8 profile of that subgraph's process too (same directory).
  const profiledSubgraph = process.argv.includes('--cpu-prof-subgraph') ? process.argv[process.argv.indexOf('--cpu-prof-subgraph') + 1] : undefined;
  const children: ChildProcess[] = [];
  const subgraphPids: number[] = [];
  try {
    const self = path.join(__dirname, 'profileGateway.ts');
    const started = await startChild([self, '--backend'], process.env, (line) => (line.startsWith('{"legacy"') ? line : null));
    children.push(started.child);
    const info = JSON.parse(started.value) as BackendInfo;
    const subgraphEnv = { ...process.env, USAGER_ID_SECRET: usagerIdSecret, PROFILE_LEGACY: JSON.stringify(info.legacy) };
    const profileDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-profile-'));
    const subgraphUrls = await Promise.all(
      subgraphServices().map(async (service) => {
        const profiled = service.name === profiledSubgraph ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
        const one = await startChild([...profiled, self, '--subgraph', service.name], subgraphEnv, (line) => (line.startsWith('{"subgraph"') ? (JSON.parse(line) as { url: string }).url : null));
        children.push(one.child);
        if (one.child.pid !== undefined) subgraphPids.push(one.child.pid);
        return `${service.name}=${one.value}/graphql`;
      }),
    );
    const gatewayEnv: NodeJS.ProcessEnv = {
      ...process.env,
      GATEWAY_PORT: '0',
      LOG_LEVEL: 'info',
      SUBGRAPH_URLS: subgraphUrls.join(','),
      OIDC_ISSUER: info.oidcIssuer,
      OIDC_JWKS_URL: info.oidcJwksUrl,
      USAGER_ID_SECRET: usagerIdSecret,
      AUDIT_JOURNAL_PATH: path.join(profileDir, 'journal.jsonl'),
      // V8 flags for the gateway alone (memory experiments: docs/performance.md), not for the backend or the subgraphs.
      ...(process.env.PROFILE_GATEWAY_NODE_OPTIONS ? { NODE_OPTIONS: process.env.PROFILE_GATEWAY_NODE_OPTIONS } : {}),
    };
    // The gateway as its image runs it: its bundle, built afresh (npm run bundle), without a TypeScript loader.
    const [gatewayTarget] = selectBundleTargets(bundleTargets(repository), ['gateway']);
    const gatewayArgs = [...(cpuProf ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), (await bundleService(gatewayTarget!)).outfile];
    const gateway = await startChild(gatewayArgs, gatewayEnv, (line) => {
      const parsed = line.startsWith('{') ? (JSON.parse(line) as { msg?: string; message?: string; url?: string }) : null;
      return parsed && (parsed.msg ?? parsed.message) === 'gateway listening' && parsed.url ? parsed.url : null;
    });
    children.push(gateway.child);
    const url = `${gateway.value}/graphql`;
    const { fullFileQuery } = await import('../../../test/src/e2e/fullFileQuery');
    const presenceQuery = 'query Liste($ids: [ID!]!) { usagers(ids: $ids) { id identite { nomNaissance prenoms } presencePartenaires { caf msa franceTravail cpam carsat siao bailleurs } } }';
    const bearer = (token: string, finalite: string) => ({ authorization: `Bearer ${token}`, 'x-passerelle-finalite': finalite });
    const scenarios = [
      { scenario: 'full file, the usager herself', body: JSON.stringify({ query: fullFileQuery, variables: { id: info.personaId } }), headers: bearer(info.tokens.usager, 'information') },
      { scenario: 'full file, her référent', body: JSON.stringify({ query: fullFileQuery, variables: { id: info.personaId } }), headers: bearer(info.tokens.referent, 'accompagnement') },
      {
        scenario: 'usagers(ids:) × 50, presence, reception',
        body: JSON.stringify({ query: presenceQuery, variables: { ids: info.listIds } }),
        headers: bearer(info.tokens.accueil, 'premier-accueil'),
      },
    ].filter((s, index) => only === undefined || String(index + 1) === only);
    const rounds: Round[] = [];
    for (const s of scenarios) {
      rounds.push({ scenario: s.scenario, ...(await load(url, s.body, s.headers, clients, seconds, gateway.child.pid ?? null, subgraphPids)) });
    }
    process.stdout.write(`Gateway profile — ${new Date().toISOString()} — Node ${process.version}, ${os.cpus().length} cores, ${clients} clients, ${seconds} s per scenario, simulator latency 0\n\n`);
    process.stdout.write(
      '| Scenario | Requests | Errors | req/s | p50 ms | p99 ms | gateway CPU ms/request | subgraphs CPU ms/request | gateway peak RSS MiB, since start |\n|---|---|---|---|---|---|---|---|---|\n',
    );
    for (const r of rounds)
      process.stdout.write(
        `| ${r.scenario} | ${r.requests} | ${r.errors} | ${r.perSecond} | ${r.p50} | ${r.p99} | ${r.gatewayCpuMsPerRequest} | ${r.subgraphsCpuMsPerRequest} | ${r.gatewayPeakRssMib} |\n`,
      );
    if (cpuProf || profiledSubgraph !== undefined) process.stdout.write(`\nV8 CPU profiles (written on stop): ${profileDir}\n`);
  } finally {
    // Children stop on SIGTERM (the gateway seals its journal, the profile is written).
    await Promise.all(
      children.reverse().map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`profile failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
