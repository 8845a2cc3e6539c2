import path from 'node:path';
import { scenarioKeys, type ScenarioKey } from './benchTypes';
import { wholeNumber } from './benchOptions';

/** What `npm run bench:critical-path` measures. */
export interface CriticalPathOptions {
  scenario: ScenarioKey;
  /** Requests measured, one at a time, each a different usager (or list, or page) with the caches bypassed. */
  requests: number;
  /**
   * Requests sent first at latency 0 by `warmupClients` clients at once, not measured: every
   * process plans, compiles its hot code and fills its pools (docs/performance.md, "Warm processes").
   */
  warmup: number;
  /** Every legacy call's latency, in ms, and its uniform jitter. */
  latencyMs: number;
  jitterMs: number;
  /** Synthetic population of the simulator. */
  population: number;
  /** Where the JSON goes (every request's path). */
  out: string;
}

export const criticalPathUsage = `npm run bench:critical-path -- [--scenario full-file|list-50|presence-100|caseload-50|search] [--requests N]
                                 [--warmup N] [--latency-ms MS] [--jitter-ms MS] [--population N] [--out FILE]`;

/** Clients sending the warm-up's requests at once: enough to keep both cores busy, as a service in use is. */
export const warmupClients = 16;

/** The command's arguments: 60 cold full files at a fixed 40 ms by default, after 3,000 unmeasured (about a minute). */
export function parseCriticalPathArgs(argv: readonly string[]): CriticalPathOptions {
  const options: CriticalPathOptions = {
    scenario: 'full-file',
    requests: 60,
    warmup: 3000,
    latencyMs: 40,
    jitterMs: 0,
    population: 20_000,
    out: path.resolve(__dirname, '../../bench-results/critical-path.json'),
  };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    switch (flag) {
      case '--scenario':
        if (!(scenarioKeys as readonly string[]).includes(value ?? '')) throw new Error(`--scenario: expected one of ${scenarioKeys.join(', ')}; got ${value ?? 'nothing'}`);
        options.scenario = value as ScenarioKey;
        break;
      case '--requests':
        options.requests = wholeNumber(flag, value, 1000);
        if (options.requests === 0) throw new Error('--requests: expected at least 1');
        break;
      case '--warmup':
        options.warmup = wholeNumber(flag, value, 10_000);
        break;
      case '--latency-ms':
        options.latencyMs = wholeNumber(flag, value, 5000);
        break;
      case '--jitter-ms':
        options.jitterMs = wholeNumber(flag, value, 5000);
        break;
      case '--population':
        options.population = wholeNumber(flag, value, 200_000);
        if (options.population < 1000) throw new Error('--population: expected at least 1000 (the scenarios draw 2,000 people from it, or as many as it has)');
        break;
      case '--out':
        if (value === undefined || value.startsWith('--')) throw new Error('--out: expected a file path');
        options.out = path.resolve(value);
        break;
      default:
        throw new Error(`unknown argument ${flag}\nusage: ${criticalPathUsage}`);
    }
  }
  if (options.jitterMs > options.latencyMs) throw new Error(`--jitter-ms: at most the latency (${options.latencyMs}); got ${options.jitterMs}`);
  return options;
}
