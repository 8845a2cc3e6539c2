import type { GatewayKey, RoundResult, RowSummary, Scenario } from './benchTypes';
import { percentile, round1 } from './percentile';
import type { SimulatedBound } from './simulatePlans';

/**
 * One row per setting, scenario, variant and gateway, in the order the rounds ran: percentiles
 * over every request of its rounds, req/s and CPU per request over their total, peak RSS the
 * highest of its rounds.
 */
export function summarizeRounds(
  results: readonly RoundResult[],
  scenarios: readonly Scenario[],
  roundTrips: ReadonlyMap<string, ReadonlyMap<GatewayKey, number>>,
  simulatedBounds: ReadonlyMap<string, ReadonlyMap<GatewayKey, SimulatedBound>> = new Map(),
): RowSummary[] {
  const groups = new Map<string, RoundResult[]>();
  for (const result of results) {
    const key = `${result.setting}|${result.scenario}|${result.variant}|${result.gateway}`;
    groups.set(key, [...(groups.get(key) ?? []), result]);
  }
  return [...groups.values()].map((rounds) => {
    const first = rounds[0]!;
    const requests = rounds.reduce((n, r) => n + r.requests, 0);
    const seconds = rounds.reduce((n, r) => n + r.seconds, 0);
    const perRequest = (total: number) => (requests === 0 ? 0 : round1(total / requests));
    const sorted = rounds.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
    const rates = rounds.map((r) => round1(r.requests / r.seconds));
    const peaks = rounds.map((r) => r.gatewayPeakRssMiB).filter((m): m is number => m !== null);
    const trips = first.setting === 'latency' ? roundTrips.get(first.scenario)?.get(first.gateway) : undefined;
    const simulated = first.setting === 'latency' ? simulatedBounds.get(first.scenario)?.get(first.gateway) : undefined;
    return {
      setting: first.setting,
      scenario: first.scenario,
      scenarioLabel: scenarios.find((s) => s.key === first.scenario)?.label ?? first.scenario,
      variant: first.variant,
      gateway: first.gateway,
      rounds: rounds.length,
      requests,
      answered: rounds.reduce((n, r) => n + r.answered, 0),
      errors: rounds.reduce((n, r) => n + r.errors, 0),
      errorCodes: [...new Set(rounds.flatMap((r) => r.errorCodes))].slice(0, 5),
      perSecond: seconds === 0 ? 0 : round1(requests / seconds),
      perSecondRange: [Math.min(...rates), Math.max(...rates)],
      p50: round1(percentile(sorted, 50)),
      p95: round1(percentile(sorted, 95)),
      p99: round1(percentile(sorted, 99)),
      gatewayCpuMsPerRequest: perRequest(rounds.reduce((n, r) => n + r.gatewayCpuMs, 0)),
      subgraphsCpuMsPerRequest: perRequest(rounds.reduce((n, r) => n + r.subgraphsCpuMs, 0)),
      simulatorCpuMsPerRequest: perRequest(rounds.reduce((n, r) => n + r.simulatorCpuMs, 0)),
      legacyCallsPerRequest: perRequest(rounds.reduce((n, r) => n + r.legacyCalls, 0)),
      partnerLegacyCallsPerRequest: perRequest(rounds.reduce((n, r) => n + r.partnerLegacyCalls, 0)),
      gatewayPeakRssMiB: peaks.length ? Math.max(...peaks) : null,
      ...(trips !== undefined ? { sequentialRoundTrips: trips } : {}),
      ...(simulated !== undefined ? { simulatedBound: simulated } : {}),
    };
  });
}
