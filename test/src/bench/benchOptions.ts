import path from 'node:path';
import { defaultGatewayKeys, gatewayKeys, scenarioKeys, settingKeys, type GatewayKey, type ScenarioKey, type SettingKey } from './benchTypes';

export interface BenchOptions {
  quick: boolean;
  rounds: number;
  latencySeconds: number;
  saturationSeconds: number;
  /**
   * Unmeasured load before anything is measured, at saturation (`saturationClients`), for each
   * scenario, variant and gateway in turn: every process's JIT compiles its hot code before the
   * one-client rows, which otherwise measure code still interpreted (docs/performance.md, "Warm
   * processes"). 0: none.
   */
  startWarmupSeconds: number;
  /**
   * Unmeasured load before each saturation round, at the round's own load: the subgraphs and the
   * simulator settle from the previous round's (their collections, their caches), which the first
   * gateway of each row otherwise pays. 0: none.
   */
  warmupSeconds: number;
  /**
   * Unmeasured load before the first round of each cold ("different usagers") row at saturation,
   * shared out between the gateways in that round's order: the subgraphs' legacy read caches fill
   * for their TTL (30 s for personal data) and the processes' heaps grow with them, at the expense
   * of whichever gateway measured first until they level off. 0: none.
   */
  rowWarmupSeconds: number;
  /** A saturation window grows past `saturationSeconds` until it counts this many answers (extendWindow.ts); 0: never. */
  minAnswers: number;
  /** The longest a saturation window grows to, in s. */
  maxWindowSeconds: number;
  saturationClients: number;
  gateways: GatewayKey[];
  settings: SettingKey[];
  /** The scenarios run (all by default): a subset for a targeted measurement. */
  scenarios: ScenarioKey[];
  /** Node/V8 flags for Passerelle's gateway instead of its image's (`gatewayNodeFlags`): memory experiments. */
  passerelleNodeFlags?: string;
  /** Synthetic population of the simulator (POPULATION_TAILLE). */
  population: number;
  /** Different usagers drawn per scenario (full file, search). */
  poolSize: number;
  /** Requests per gateway per scenario for the critical-path probe, at each of two latencies. */
  probeRequests: number;
  /**
   * Requests of the full file and of the identity search whose plan of legacy calls is probed for
   * the simulated bound (probePlans.ts; one of each list), the same for every gateway; 0: none
   * (the column shows –). `--quick` probes the full file only.
   */
  planProbes: number;
  out: string;
}

export const benchUsage = `npm run bench -- [--quick] [--rounds N] [--latency-seconds S] [--saturation-seconds S] [--start-warmup-seconds S]
                   [--warmup-seconds S] [--row-warmup-seconds S] [--min-answers N] [--max-window-seconds S] [--clients N] [--plan-probes N]
                   [--gateways passerelle,apollo,hive,passerelle-workers] [--settings latency,saturation]
                   [--scenarios full-file,list-50,presence-100,caseload-50,search] [--passerelle-node-flags "FLAGS"]
                   [--out FILE]`;

const defaultOut = path.resolve(__dirname, '../../bench-results/latest.json');

function listOf<T extends string>(flag: string, raw: string, allowed: readonly T[]): T[] {
  const values = raw.split(',').map((v) => v.trim());
  const unknown = values.filter((v) => !(allowed as readonly string[]).includes(v));
  if (values.length === 0 || unknown.length) throw new Error(`${flag}: expected some of ${allowed.join(', ')}, comma-separated; got ${raw}`);
  return values as T[];
}

export function wholeNumber(flag: string, raw: string | undefined, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max) throw new Error(`${flag}: expected a whole number in [0, ${max}]; got ${raw ?? 'nothing'}`);
  return value;
}

function nonNegative(flag: string, raw: string | undefined, max: number): number {
  const value = Number(raw);
  if (raw === undefined || raw === '' || !Number.isFinite(value) || value < 0 || value > max) throw new Error(`${flag}: expected a number in [0, ${max}]; got ${raw ?? 'nothing'}`);
  return value;
}

function positive(flag: string, raw: string | undefined, max: number): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > max) throw new Error(`${flag}: expected a number in (0, ${max}]; got ${raw ?? 'nothing'}`);
  return value;
}

/**
 * The bench's arguments. The full run's defaults keep it within about 26–30 minutes on 2 cores (the saturation windows of the slowest rows grow to 25 s at most);
 * `--quick` is a smoke run of a few seconds of load (the test's), its figures meaningless.
 */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const options: BenchOptions = quick
    ? {
        quick,
        rounds: 1,
        latencySeconds: 0.5,
        saturationSeconds: 0.5,
        startWarmupSeconds: 0.2,
        warmupSeconds: 0.2,
        rowWarmupSeconds: 0,
        minAnswers: 0,
        maxWindowSeconds: 0.5,
        saturationClients: 10,
        gateways: [...defaultGatewayKeys],
        settings: [...settingKeys],
        scenarios: [...scenarioKeys],
        population: 2000,
        poolSize: 50,
        probeRequests: 1,
        planProbes: 1,
        out: defaultOut,
      }
    : {
        quick,
        rounds: 2,
        latencySeconds: 8,
        saturationSeconds: 5,
        startWarmupSeconds: 3,
        warmupSeconds: 2,
        rowWarmupSeconds: 40,
        minAnswers: 120,
        maxWindowSeconds: 25,
        saturationClients: 50,
        gateways: [...defaultGatewayKeys],
        settings: [...settingKeys],
        scenarios: [...scenarioKeys],
        population: 20_000,
        poolSize: 2000,
        probeRequests: 3,
        planProbes: 3,
        out: defaultOut,
      };
  let maxWindowGiven = false;
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    switch (flag) {
      case '--quick':
        continue;
      case '--rounds':
        options.rounds = Math.round(positive(flag, value, 20));
        break;
      case '--latency-seconds':
        options.latencySeconds = positive(flag, value, 120);
        break;
      case '--saturation-seconds':
        options.saturationSeconds = positive(flag, value, 120);
        break;
      case '--start-warmup-seconds':
        options.startWarmupSeconds = nonNegative(flag, value, 60);
        break;
      case '--warmup-seconds':
        options.warmupSeconds = nonNegative(flag, value, 60);
        break;
      case '--row-warmup-seconds':
        options.rowWarmupSeconds = nonNegative(flag, value, 300);
        break;
      case '--min-answers':
        options.minAnswers = wholeNumber(flag, value, 100_000);
        break;
      case '--max-window-seconds':
        options.maxWindowSeconds = positive(flag, value, 600);
        maxWindowGiven = true;
        break;
      case '--plan-probes':
        options.planProbes = wholeNumber(flag, value, 20);
        break;
      case '--clients':
        options.saturationClients = Math.round(positive(flag, value, 500));
        break;
      case '--gateways':
        options.gateways = listOf(flag, value ?? '', gatewayKeys);
        break;
      case '--settings':
        options.settings = listOf(flag, value ?? '', settingKeys);
        break;
      case '--scenarios':
        options.scenarios = listOf(flag, value ?? '', scenarioKeys);
        break;
      case '--passerelle-node-flags':
        if (!value || !value.startsWith('--')) throw new Error('--passerelle-node-flags: expected Node or V8 flags, e.g. "--max-semi-space-size=16 --heap-growing-percent=50"');
        options.passerelleNodeFlags = value;
        break;
      case '--out':
        if (!value) throw new Error('--out: expected a file path');
        options.out = path.resolve(value);
        break;
      default:
        throw new Error(`unknown argument ${flag}`);
    }
    i += 1;
  }
  if (!maxWindowGiven) options.maxWindowSeconds = Math.max(options.maxWindowSeconds, options.saturationSeconds);
  else if (options.maxWindowSeconds < options.saturationSeconds) {
    throw new Error(`--max-window-seconds (${options.maxWindowSeconds}) is shorter than --saturation-seconds (${options.saturationSeconds}): a window never shrinks`);
  }
  return options;
}
