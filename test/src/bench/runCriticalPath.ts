import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createPopulation, simulatorEnv, type SimulatorCall } from '@passerelle/mocks';
import { discoverSubgraphs } from '@passerelle/subgraph-kit/discovery';
import { createUsagerIdCodec } from '@passerelle/subgraph-kit';
import { buildScenarios } from './buildScenarios';
import { criticalPath, pathCategories, tracesOf, type CriticalPath, type PathCategory } from './criticalPath';
import { coreWaitsOf, formatCoreWaits, type CoreWait } from './coreWaits';
import { criticalPathUsage, parseCriticalPathArgs, warmupClients, type CriticalPathOptions } from './criticalPathOptions';
import { findCaseloadPages } from './findCaseloadPages';
import { percentile, round1 } from './percentile';
import { schedulerTimesOf } from './procStats';
import { runCommand } from './runCommand';
import { simulatorAdmin } from './simulatorAdmin';
import { startBenchProcesses } from './startBenchProcesses';
import { startSpanSink } from './startSpanSink';

/**
 * `npm run bench:critical-path`: where one request's time goes, from its trace. Passerelle's
 * gateway and every subgraph run as in the bench (each its own process, from bundles) with
 * OpenTelemetry on, exporting to a collector in this process; the requests of one scenario's cold
 * variant go one at a time with every legacy call at a fixed latency. Each request's critical
 * path (criticalPath.ts) splits its time into waiting for legacy systems, the gateway's own work,
 * the fetches' transport and the subgraphs' own work. Tracing costs a little CPU of its own
 * (docs/observability.md, "Cost"): the figures say where the time goes, the bench says how much
 * there is (docs/scripts-and-tests.md).
 */
const secret = 'benchmark-usager-id-secret';
const progress = (line: string) => process.stderr.write(`[critical-path] ${line}\n`);

/** The p-th percentile (0–1, nearest rank) of `values`, to 0.1. */
const percentileOf = (values: readonly number[], p: number): number =>
  round1(
    percentile(
      [...values].sort((a, b) => a - b),
      p * 100,
    ),
  );

const labels: Readonly<Record<PathCategory, string>> = {
  legacy: 'legacy systems at work (simulator: arrival to answer)',
  legacyTransport: 'legacy calls\u2019 HTTP, and the subgraph waiting for a core to read the answer',
  gateway: "the gateway's own work",
  transport: 'gateway → subgraph fetches (HTTP, body parsing, waiting for a core)',
  subgraph: "the subgraphs' own work",
};

function table(paths: readonly CriticalPath[], options: CriticalPathOptions): string {
  const totals = paths.map((p) => p.totalMs);
  const p50 = percentileOf(totals, 0.5);
  const row = (label: string, values: number[]) =>
    `| ${label} | ${percentileOf(values, 0.5).toFixed(1)} | ${percentileOf(values, 0.9).toFixed(1)} | ${Math.round((100 * percentileOf(values, 0.5)) / p50)} % |`;
  const overhead = paths.map((p) => p.totalMs - p.byCategory.legacy);
  return [
    `Critical path of ${paths.length} requests (${options.scenario}, different usagers, caches bypassed), one at a time, every legacy call ${options.latencyMs}${options.jitterMs > 0 ? ` ± ${options.jitterMs}` : ''} ms; Passerelle, tracing on`,
    '',
    '| On the critical path | p50 ms | p90 ms | p50 ÷ whole p50 |',
    '|---|---:|---:|---:|',
    row('whole request (the gateway\u2019s root span)', totals),
    ...pathCategories.map((c) =>
      row(
        labels[c],
        paths.map((p) => p.byCategory[c]),
      ),
    ),
    row('everything but the legacy systems at work', overhead),
    '',
    `Legacy calls one after another on the path: ${percentileOf(
      paths.map((p) => p.legacyCalls),
      0.5,
    )} (p50); whole request ÷ the systems' time on the path, p50: ${percentileOf(
      paths.map((p) => p.totalMs / Math.max(p.byCategory.legacy, 1e-9)),
      0.5,
    ).toFixed(2)}`,
  ].join('\n');
}

/** The segments of the request whose total is the median: what one typical request waited for, in order. */
function medianPath(paths: readonly CriticalPath[]): string {
  const sorted = [...paths].sort((a, b) => a.totalMs - b.totalMs);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const origin = median.segments[0]?.startMs ?? 0;
  const lines = median.segments.map(
    (s) =>
      `  ${(s.startMs - origin).toFixed(1).padStart(6)} ${(s.endMs - s.startMs).toFixed(1).padStart(6)} ms  ${s.category.padEnd(9)} ${s.service.padEnd(22)} ${s.span}${s.system ? ` (${s.system})` : ''}`,
  );
  return [`The median request (${median.totalMs.toFixed(1)} ms), step by step: start, length, what`, ...lines].join('\n');
}

async function run(options: CriticalPathOptions): Promise<void> {
  const sink = await startSpanSink();
  progress(`starting the simulator, the subgraphs and Passerelle, tracing to ${sink.endpoint}`);
  const processes = await startBenchProcesses({ usagerIdSecret: secret, populationSize: options.population, gateways: ['passerelle'], otlpEndpoint: sink.endpoint });
  let stopped = false;
  try {
    const gateway = processes.gateways.get('passerelle')!;
    const simulator = simulatorAdmin(processes.simulator.url);
    const mint = (claims: Record<string, unknown>) => processes.identityProvider.mint(claims, 3600);
    const caseloadPages = await findCaseloadPages(gateway.url, mint, options.scenario === 'caseload-50' ? 40 : 2);
    const population = createPopulation({ size: options.population, seed: simulatorEnv.populationSeed.default });
    const scenarios = await buildScenarios({ population, codec: createUsagerIdCodec(secret), mint, caseloadPages, poolSize: Math.min(2000, Math.floor(options.population / 10)) });
    const requests = scenarios.find((s) => s.key === options.scenario)!.variants.different;
    const send = async (index: number) => {
      const request = requests[index % requests.length]!;
      const response = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers: request.headers, body: request.body });
      const body = (await response.json()) as { errors?: unknown[] };
      return response.status === 200 && body.errors === undefined;
    };
    const now = () => performance.timeOrigin + performance.now();
    progress(`warming up: ${options.warmup} requests at latency 0, ${warmupClients} at a time, not measured`);
    await simulator.setLatency(0, 0);
    let warmed = 0;
    await Promise.all(
      Array.from({ length: warmupClients }, async () => {
        while (warmed < options.warmup) await send((warmed += 1) - 1);
      }),
    );
    await simulator.setLatency(options.latencyMs, options.jitterMs);
    // Each request's legacy calls, from the simulator's journal (reset before it); its trace is the one whose root starts while it is under way.
    const measured: Array<{ sentMs: number; answeredMs: number; calls: readonly SimulatorCall[] }> = [];
    let failed = 0;
    let truncated = 0;
    progress(`${options.requests} requests, one at a time`);
    // How long each process waited for a core while the requests went (coreWaits.ts): the two cores are shared by all.
    const services = [
      { name: 'gateway (Passerelle)', pid: gateway.pid },
      ...processes.subgraphs.map((s) => ({ name: `subgraph ${s.name}`, pid: s.pid })),
      { name: 'simulator', pid: processes.simulator.pid },
    ];
    const schedulerTimes = () => new Map(services.map((s) => [s.name, schedulerTimesOf(s.pid)]));
    const schedulerBefore = schedulerTimes();
    for (let i = 0; i < options.requests; i += 1) {
      await simulator.reset();
      const sentMs = now();
      if (!(await send(options.warmup + i))) failed += 1;
      const answeredMs = now();
      const journal = await simulator.calls();
      if (journal.truncated) truncated += 1;
      measured.push({ sentMs, answeredMs, calls: journal.calls });
    }
    const coreWaits: CoreWait[] = coreWaitsOf(schedulerBefore, schedulerTimes(), options.requests);
    // Each process exports what it still holds as it stops (its tracing's shutdown).
    await processes.stop();
    stopped = true;
    const systemsOf = new Map(discoverSubgraphs().map((subgraph) => [subgraph.name, Object.values(subgraph.legacy)]));
    const paths: CriticalPath[] = [];
    for (const spans of tracesOf(sink.spans()).values()) {
      const root = spans.find((s) => s.parentSpanId === null && s.service === 'gateway' && s.name === 'gateway request');
      // The root's start carries the millisecond (criticalPath.ts): a request's window is widened by one.
      const request = root && measured.find((m) => root.startMs >= m.sentMs - 1 && root.startMs <= m.answeredMs);
      if (request === undefined) continue;
      paths.push(criticalPath(spans, { calls: request.calls, systemsOf }));
    }
    if (paths.length === 0) throw new Error('no trace of a measured request reached the collector');
    const lost = options.requests - paths.length;
    process.stdout.write(`${table(paths, options)}\n\n${medianPath(paths)}\n`);
    process.stdout.write(
      coreWaits.length > 0
        ? `\n${formatCoreWaits(coreWaits, options.requests)}\n`
        : '\nNo scheduler counts (/proc/<pid>/task/*/schedstat unreadable): the processes\u2019 waits for a core are not shown.\n',
    );
    const unmatched = paths.reduce((sum, p) => sum + p.unmatchedCalls, 0);
    if (failed > 0 || lost > 0 || sink.refused() > 0 || truncated > 0 || unmatched > 0) {
      process.stdout.write(
        `\n${failed} request(s) answered with an error; ${lost} trace(s) missing; ${sink.refused()} export(s) refused by the collector; ${truncated} journal(s) truncated; ${unmatched} legacy attempt(s) on a path matched to no call of the journal (counted whole as the system's time)\n`,
      );
    }
    mkdirSync(path.dirname(options.out), { recursive: true });
    writeFileSync(options.out, `${JSON.stringify({ options, failed, coreWaits, paths }, null, 1)}\n`);
    progress(`wrote ${options.out}`);
  } finally {
    if (!stopped) await processes.stop();
    await sink.stop();
  }
}

runCommand('[critical-path]', criticalPathUsage, parseCriticalPathArgs, run);
