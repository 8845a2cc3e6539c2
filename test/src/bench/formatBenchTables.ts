import { gatewayLabels, variantLabels, type RowSummary } from './benchTypes';

export interface BenchMeta {
  date: string;
  node: string;
  cores: number;
  command: string;
  population: number;
  rounds: number;
  latency: { latencyMs: number; jitterMs: number; clients: number; seconds: number };
  saturation: { clients: number; seconds: number; minAnswers: number; maxWindowSeconds: number; warmupSeconds: number };
}

const range = ([low, high]: [number, number]) => (low === high ? `${low}` : `${low}–${high}`);
const errors = (row: RowSummary) => (row.errors === 0 ? '0' : `${row.errors} (${row.errorCodes.join(', ')})`);

/**
 * The bench's tables in Markdown (as the README shows them): one-client latency with the
 * critical-path bound, then saturation.
 */
export function formatBenchTables(rows: readonly RowSummary[], meta: BenchMeta): string {
  const latency = rows.filter((r) => r.setting === 'latency');
  const saturation = rows.filter((r) => r.setting === 'saturation');
  const lines = [
    `Passerelle bench — ${meta.date} — Node ${meta.node}, ${meta.cores} cores, population ${meta.population}, ${meta.rounds} alternated round(s) per gateway per row — \`${meta.command}\``,
  ];
  if (latency.length) {
    const { latencyMs: mean, jitterMs: jitter } = meta.latency;
    // The bound: the fewest sequential legacy round trips any gateway's plan needed for the scenario, × the mean latency.
    const tripsOf = (scenario: string) => {
      const trips = latency.filter((r) => r.scenario === scenario && r.sequentialRoundTrips !== undefined).map((r) => r.sequentialRoundTrips!);
      return trips.length ? Math.min(...trips) : null;
    };
    const boundOf = (scenario: string) => {
      const trips = tripsOf(scenario);
      return trips === null ? null : trips * mean;
    };
    // With jitter, each round trip of the plan waits for the slowest of its parallel calls: the expected
    // maximum of w uniform draws on [mean − jitter, mean + jitter] is mean − jitter + 2·jitter·w/(w + 1),
    // w the calls per round trip of the cold variant (its legacy calls ÷ its round trips). A model, shown beside
    // the plain bound, not instead of it.
    const jitterBoundOf = (scenario: string) => {
      const trips = tripsOf(scenario);
      const cold = latency.filter((r) => r.scenario === scenario && r.variant === 'different').map((r) => r.legacyCallsPerRequest);
      if (trips === null || trips === 0 || cold.length === 0) return null;
      const width = Math.max(1, Math.min(...cold) / trips);
      return Math.round(trips * (mean - jitter + (2 * jitter * width) / (width + 1)));
    };
    lines.push(
      '',
      `Realistic latency: legacy systems ${mean} ± ${jitter} ms, ${meta.latency.clients} client, ${meta.latency.seconds} s per round. Bound: sequential legacy round trips × ${mean} ms; with jitter: × the expected slowest of each round trip's parallel calls.`,
      '',
      "| Scenario | Variant | Gateway | req/s | p50 ms | p95 ms | sequential legacy round trips | critical-path bound ms | p50 ÷ bound | bound with jitter ms | p50 ÷ bound with jitter | errors | legacy calls / request | partners' systems calls / request |",
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...latency.map((r) => {
        const bound = boundOf(r.scenario);
        const withJitter = jitterBoundOf(r.scenario);
        return `| ${r.scenarioLabel} | ${variantLabels[r.variant]} | ${gatewayLabels[r.gateway]} | ${r.perSecond} | ${r.p50} | ${r.p95} | ${r.sequentialRoundTrips ?? '–'} | ${bound ?? '–'} | ${bound ? (r.p50 / bound).toFixed(2) : '–'} | ${withJitter ?? '–'} | ${withJitter ? (r.p50 / withJitter).toFixed(2) : '–'} | ${errors(r)} | ${r.legacyCallsPerRequest} | ${r.partnerLegacyCallsPerRequest} |`;
      }),
    );
  }
  if (saturation.length) {
    lines.push(
      '',
      `Saturation: legacy systems at latency 0, ${meta.saturation.clients} clients, ${meta.saturation.seconds} s per round${meta.saturation.minAnswers > 0 ? ` (longer until it counts ${meta.saturation.minAnswers} answers, at most ${meta.saturation.maxWindowSeconds} s)` : ''} after ${meta.saturation.warmupSeconds} s unmeasured; CPU from /proc (user + system) per request answered; req/s over all rounds (range per round).`,
      '',
      "| Scenario | Variant | Gateway | req/s | p50 ms | p99 ms | errors | gateway CPU ms / req | subgraphs CPU ms / req | simulator CPU ms / req | legacy calls / req | partners' systems calls / req | gateway peak RSS MiB |",
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...saturation.map(
        (r) =>
          `| ${r.scenarioLabel} | ${variantLabels[r.variant]} | ${gatewayLabels[r.gateway]} | ${r.perSecond} (${range(r.perSecondRange)}) | ${r.p50} | ${r.p99} | ${errors(r)} | ${r.gatewayCpuMsPerRequest} | ${r.subgraphsCpuMsPerRequest} | ${r.simulatorCpuMsPerRequest} | ${r.legacyCallsPerRequest} | ${r.partnerLegacyCallsPerRequest} | ${r.gatewayPeakRssMiB ?? '–'} |`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
