import { resolveWorkerCount } from '@passerelle/gateway';
import type { SimulatedBound } from './simulatePlans';

/** One HTTP request the load generator sends: a JSON body and its headers (token, purpose). */
export interface BenchRequest {
  body: string;
  headers: Record<string, string>;
}

/**
 * The gateways the bench can compare, in the order of each round (ABCABC…): `passerelle-workers` is
 * Passerelle with GATEWAY_WORKERS=auto (a primary and one worker per core, their CPU summed).
 */
export const gatewayKeys = ['passerelle', 'apollo', 'hive', 'passerelle-workers'] as const;
export type GatewayKey = (typeof gatewayKeys)[number];
/** Those compared unless `--gateways` says otherwise. */
export const defaultGatewayKeys: readonly GatewayKey[] = ['passerelle', 'apollo', 'hive'];
/** Workers GATEWAY_WORKERS=auto starts on this machine (the `passerelle-workers` gateway). */
export const benchWorkerCount = resolveWorkerCount('auto');
export const gatewayLabels: Readonly<Record<GatewayKey, string>> = {
  passerelle: 'Passerelle (security on)',
  apollo: 'bare @apollo/gateway 2.14.4',
  hive: 'Hive Gateway 2.15.1 (defaults)',
  'passerelle-workers': `Passerelle, one worker per core (${benchWorkerCount})`,
};

export const variantKeys = ['same', 'different'] as const;
export type VariantKey = (typeof variantKeys)[number];
export const variantLabels: Readonly<Record<VariantKey, string>> = { same: 'same usager(s)', different: 'different usagers' };

/** A query measured, with the requests of each variant (the load generator cycles through them). */
export interface Scenario {
  key: ScenarioKey;
  label: string;
  variants: Readonly<Record<VariantKey, readonly BenchRequest[]>>;
}

/** The bench's scenarios, in the order they run (buildScenarios.ts). */
export const scenarioKeys = ['full-file', 'list-50', 'presence-100', 'caseload-50', 'search'] as const;
export type ScenarioKey = (typeof scenarioKeys)[number];

export const settingKeys = ['latency', 'saturation'] as const;
export type SettingKey = (typeof settingKeys)[number];

/** What the load generator reports for one round. */
export interface LoadResult {
  /** Requests answered inside the measured window. */
  requests: number;
  /** Requests answered in the whole job, warm-up and the last answers included: the smoke run checks every gateway answered. */
  answered: number;
  /** Failed requests in the whole job. */
  errors: number;
  /** The measured window's length. */
  seconds: number;
  /** Latency of every request answered inside the window, in ms (0.1 ms resolution). */
  latenciesMs: number[];
  /** Up to 5 distinct `extensions.code` (or HTTP status) of the failed requests: never a message, which may name someone. */
  errorCodes: string[];
}

/** One round: one gateway, one scenario, one variant, one setting. */
export interface RoundResult extends LoadResult {
  setting: SettingKey;
  scenario: string;
  variant: VariantKey;
  gateway: GatewayKey;
  round: number;
  gatewayCpuMs: number;
  subgraphsCpuMs: number;
  /** The same, per subgraph: where the subgraphs' time goes (which partner's answers cost most). */
  subgraphsCpuMsBySubgraph: Record<string, number>;
  simulatorCpuMs: number;
  legacyCalls: number;
  /** Calls to the systems holding partners' data: every system but the Département's (caseload lists, access facts). */
  partnerLegacyCalls: number;
  legacyCallsBySystem: Record<string, number>;
  /** VmHWM during the round (reset before it when the kernel allows), MiB. */
  gatewayPeakRssMiB: number | null;
}

/** The figures of one table row: the rounds of one gateway on one scenario, variant and setting, together. */
export interface RowSummary {
  setting: SettingKey;
  scenario: string;
  scenarioLabel: string;
  variant: VariantKey;
  gateway: GatewayKey;
  rounds: number;
  requests: number;
  answered: number;
  errors: number;
  errorCodes: string[];
  perSecond: number;
  /** Lowest and highest req/s over the rounds. */
  perSecondRange: [number, number];
  p50: number;
  p95: number;
  p99: number;
  gatewayCpuMsPerRequest: number;
  subgraphsCpuMsPerRequest: number;
  simulatorCpuMsPerRequest: number;
  legacyCallsPerRequest: number;
  partnerLegacyCallsPerRequest: number;
  gatewayPeakRssMiB: number | null;
  /** Latency setting: sequential legacy round trips measured on this gateway's plan (measureRoundTrips.ts). */
  sequentialRoundTrips?: number;
  /**
   * Latency setting: the legacy calls of this gateway's plan alone, at the setting's latency and
   * jitter (probePlans.ts, simulatePlans.ts), in ms; absent when the plan was not probed.
   */
  simulatedBound?: SimulatedBound;
}
