import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPopulation, simulatorEnv } from '@passerelle/mocks';
import { createUsagerIdCodec } from '@passerelle/subgraph-kit';
import { benchUsage, parseBenchArgs, type BenchOptions } from './benchOptions';
import { gatewayKeys, variantKeys, type RoundResult, type SettingKey } from './benchTypes';
import { buildScenarios } from './buildScenarios';
import { findCaseloadPages } from './findCaseloadPages';
import { formatBenchTables, type BenchMeta } from './formatBenchTables';
import { measureRoundTrips, probeLatencyMs } from './measureRoundTrips';
import { sequentialCalls, type LegacyPlan } from './inferPlan';
import { probePlans } from './probePlans';
import { simulatePlans, type SimulatedBound } from './simulatePlans';
import { runCommand } from './runCommand';
import { settingsRunOrder } from './settingsRunOrder';
import { runRound } from './runRound';
import { simulatorAdmin } from './simulatorAdmin';
import { gatewayOrder } from './gatewayOrder';
import { startBenchProcesses } from './startBenchProcesses';
import { startLoadGenerator } from './startLoadGenerator';
import { summarizeRounds } from './summarizeRounds';

/**
 * `npm run bench`: Passerelle with every security layer, a bare `@apollo/gateway` and Hive
 * Gateway, side by side on the same supergraph, subgraphs and simulated legacy systems, every
 * one its own process, and the load generator too (docs/scripts-and-tests.md#the-bench). Five
 * scenarios in two variants, at saturation then at realistic latency with one client
 * (settingsRunOrder.ts), in alternated rounds (ABC, CBA, BCA, ACB…: gatewayOrder.ts). Prints the tables and writes the JSON (`--out`). Loopback only;
 * bounded in time (about 26–30 minutes; `--quick`: a smoke run).
 */
const secret = 'benchmark-usager-id-secret';
const latency = { latencyMs: 40, jitterMs: 20 };

const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function runBench(options: BenchOptions): Promise<void> {
  const started = Date.now();
  progress(`starting the simulator, the subgraphs and ${options.gateways.join(', ')}`);
  const processes = await startBenchProcesses({
    usagerIdSecret: secret,
    populationSize: options.population,
    gateways: options.gateways,
    ...(options.passerelleNodeFlags === undefined ? {} : { passerelleNodeFlags: options.passerelleNodeFlags }),
  });
  const load = startLoadGenerator();
  try {
    const simulator = simulatorAdmin(processes.simulator.url);
    const mint = (claims: Record<string, unknown>) => processes.identityProvider.mint(claims, 3600);
    const passerelle = processes.gateways.get('passerelle') ?? [...processes.gateways.values()][0]!;
    const caseloadPages = await findCaseloadPages(passerelle.url, mint, options.quick ? 2 : 40);
    // The simulator's own population (same size, default seed): the ids drawn are people it knows.
    const population = createPopulation({ size: options.population, seed: simulatorEnv.populationSeed.default });
    const scenarios = (await buildScenarios({ population, codec: createUsagerIdCodec(secret), mint, caseloadPages, poolSize: options.poolSize })).filter((s) => options.scenarios.includes(s.key));
    progress(`${caseloadPages.length} caseload pages of 50; warming up (${Math.round((Date.now() - started) / 1000)} s)`);
    // Where each variant's list of requests goes on: different usagers are never asked for twice, warm-ups included.
    const cursors = new Map<string, number>();
    const unmeasured = async (scenario: (typeof scenarios)[number], variant: (typeof variantKeys)[number], gateway: (typeof gatewayKeys)[number], clients: number, seconds: number) => {
      const cursorKey = `${scenario.key}|${variant}`;
      const { next } = await load.run({
        url: `${processes.gateways.get(gateway)!.url}/graphql`,
        requests: [...scenario.variants[variant]],
        start: cursors.get(cursorKey) ?? 0,
        clients,
        seconds,
        warmupSeconds: 0,
      });
      cursors.set(cursorKey, next);
    };
    // Warm-up, not counted: every gateway plans every operation, and every process's JIT compiles its hot code (BenchOptions.startWarmupSeconds).
    for (const scenario of options.startWarmupSeconds > 0 ? scenarios : []) {
      for (const variant of variantKeys) {
        for (const gateway of options.gateways) await unmeasured(scenario, variant, gateway, options.saturationClients, options.startWarmupSeconds);
      }
    }
    const results: RoundResult[] = [];
    let roundTrips = new Map<string, Map<(typeof gatewayKeys)[number], number>>();
    let simulatedBounds = new Map<string, Map<(typeof gatewayKeys)[number], SimulatedBound>>();
    // The plans probed, in the JSON: which system each call went to, and what it waited for.
    let planRecords: Record<string, Record<string, Array<LegacyPlan & { sequentialCalls: number }>>> = {};
    // Saturation first, so that the one-client rows time warm processes (settingsRunOrder.ts).
    for (const setting of settingsRunOrder(options.settings)) {
      if (setting === 'latency') {
        progress(`critical path: each gateway at 0 then ${probeLatencyMs} ms per legacy call (${Math.round((Date.now() - started) / 1000)} s)`);
        roundTrips = await measureRoundTrips(scenarios, processes, simulator, options.probeRequests);
        if (options.planProbes > 0) {
          // The smoke run probes the full file only: every scenario's plan takes minutes.
          const probed = options.quick ? scenarios.filter((s) => s.key === 'full-file') : scenarios;
          progress(
            `plans: each gateway's legacy calls for ${options.planProbes} request(s) of ${probed.map((s) => s.key).join(', ')}, one system slowed at a time (${Math.round((Date.now() - started) / 1000)} s)`,
          );
          const plans = await probePlans(probed, processes, simulator, options.planProbes);
          planRecords = Object.fromEntries(
            [...plans].map(([scenario, byGateway]) => [
              scenario,
              Object.fromEntries([...byGateway].map(([gateway, found]) => [gateway, found.map((plan) => ({ ...plan, sequentialCalls: sequentialCalls(plan) }))])),
            ]),
          );
          simulatedBounds = new Map(
            [...plans].map(([scenario, byGateway]) => [
              scenario,
              new Map(
                [...byGateway].flatMap(([gateway, found]) => {
                  const bound = simulatePlans(found, latency);
                  return bound === null ? [] : [[gateway, bound] as const];
                }),
              ),
            ]),
          );
        }
        await simulator.setLatency(latency.latencyMs, latency.jitterMs);
      } else {
        await simulator.setLatency(0, 0);
      }
      const seconds = setting === 'latency' ? options.latencySeconds : options.saturationSeconds;
      const clients = setting === 'latency' ? 1 : options.saturationClients;
      progress(
        `${setting}: ${options.rounds} round(s) × ${scenarios.length} scenarios × 2 variants × ${options.gateways.length} gateways, ${seconds} s each${setting === 'saturation' && options.minAnswers > 0 ? ` (up to ${options.maxWindowSeconds} s until ${options.minAnswers} answers)` : ''}${setting === 'saturation' && options.warmupSeconds > 0 ? ` after ${options.warmupSeconds} s unmeasured` : ''} (${Math.round((Date.now() - started) / 1000)} s)`,
      );
      for (let round = 1; round <= options.rounds; round += 1) {
        for (const scenario of scenarios) {
          for (const variant of variantKeys) {
            const cursorKey = `${scenario.key}|${variant}`;
            const order = gatewayOrder(options.gateways, round);
            if (round === 1 && setting === 'saturation' && variant === 'different' && options.rowWarmupSeconds > 0) {
              // A cold row's load first, unmeasured, until the subgraphs' caches and heaps level off
              // (BenchOptions.rowWarmupSeconds); each gateway serves its share, so none warms it alone.
              for (const gateway of order) await unmeasured(scenario, variant, gateway, clients, options.rowWarmupSeconds / order.length);
            }
            // ABC in one round, CBA in the next, then BCA, ACB…: over each pair every gateway has the same mean place (gatewayOrder.ts).
            for (const gateway of order) {
              const { result, next } = await runRound(
                {
                  setting,
                  scenario: scenario.key,
                  variant,
                  gateway,
                  round,
                  // At saturation only: one client at realistic latency leaves the machine idle between requests.
                  warmupSeconds: setting === 'saturation' ? options.warmupSeconds : 0,
                  job: {
                    url: `${processes.gateways.get(gateway)!.url}/graphql`,
                    requests: [...scenario.variants[variant]],
                    start: cursors.get(cursorKey) ?? 0,
                    clients,
                    seconds,
                    // At saturation, the slowest rows' windows grow until they count enough answers (extendWindow.ts).
                    ...(setting === 'saturation' ? { minAnswers: options.minAnswers, maxSeconds: options.maxWindowSeconds } : {}),
                  },
                },
                processes,
                simulator,
                load,
              );
              // Different usagers: the next round goes on where this one stopped, whatever the gateway.
              cursors.set(cursorKey, next);
              results.push(result);
            }
          }
        }
      }
    }
    await simulator.setLatency(0, 0);
    const rows = summarizeRounds(results, scenarios, roundTrips, simulatedBounds);
    const meta: BenchMeta = {
      date: new Date().toISOString(),
      node: process.version,
      cores: os.cpus().length,
      command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
      population: options.population,
      rounds: options.rounds,
      latency: { ...latency, clients: 1, seconds: options.latencySeconds },
      saturation: {
        clients: options.saturationClients,
        seconds: options.saturationSeconds,
        minAnswers: options.minAnswers,
        maxWindowSeconds: options.maxWindowSeconds,
        warmupSeconds: options.warmupSeconds,
        rowWarmupSeconds: options.rowWarmupSeconds,
        startWarmupSeconds: options.startWarmupSeconds,
      },
    };
    const settingsRun: SettingKey[] = options.settings;
    process.stdout.write(formatBenchTables(rows, meta));
    mkdirSync(path.dirname(options.out), { recursive: true });
    // Rounds keep their figures but not each request's latency: the JSON stays small enough to commit.
    const rounds = results.map(({ latenciesMs: _latencies, ...round }) => round);
    writeFileSync(options.out, `${JSON.stringify({ meta, settings: settingsRun, rows, plans: planRecords, rounds }, null, 2)}\n`);
    progress(`done in ${Math.round((Date.now() - started) / 1000)} s; JSON written to ${path.relative(process.cwd(), options.out)}`);
  } finally {
    load.stop();
    await processes.stop();
  }
}

runCommand('bench', benchUsage, parseBenchArgs, runBench);
