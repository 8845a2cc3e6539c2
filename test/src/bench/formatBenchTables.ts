import { gatewayLabels, variantLabels, type RowSummary } from './benchTypes';

export interface BenchMeta {
  date: string;
  node: string;
  cores: number;
  command: string;
  population: number;
  rounds: number;
  latency: { latencyMs: number; jitterMs: number; clients: number; seconds: number };
  saturation: { clients: number; seconds: number; minAnswers: number; maxWindowSeconds: number; warmupSeconds: number; rowWarmupSeconds: number; startWarmupSeconds: number };
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
    // The simulated bound: each gateway's plan of legacy calls, as probed (probePlans.ts), run with
    // every call a uniform draw at the setting's latency and jitter and nothing else costing
    // anything (simulatePlans.ts); the best plan any gateway ran, like the plain bound.
    const simulatedOf = (scenario: string) => {
      const bounds = latency.filter((r) => r.scenario === scenario && r.simulatedBound !== undefined).map((r) => r.simulatedBound!.p50);
      return bounds.length ? Math.min(...bounds) : null;
    };
    lines.push(
      '',
      `Realistic latency: legacy systems ${mean} ± ${jitter} ms, ${meta.latency.clients} client, ${meta.latency.seconds} s per round${meta.saturation.startWarmupSeconds > 0 ? `, after ${meta.saturation.startWarmupSeconds} s of unmeasured load at ${meta.saturation.clients} clients per scenario, variant and gateway (every process's code compiled)` : ''}. Bound: sequential legacy round trips × ${mean} ms. Simulated bound: the median time of the legacy calls alone in the plan probed (what each call waits for, found by slowing one system at a time), each call ${mean} ± ${jitter} ms.`,
      '',
      "| Scenario | Variant | Gateway | req/s | p50 ms | p95 ms | sequential legacy round trips | critical-path bound ms | p50 ÷ bound | simulated bound ms | p50 ÷ simulated bound | errors | legacy calls / request | partners' systems calls / request |",
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...latency.map((r) => {
        const bound = boundOf(r.scenario);
        const simulated = simulatedOf(r.scenario);
        return `| ${r.scenarioLabel} | ${variantLabels[r.variant]} | ${gatewayLabels[r.gateway]} | ${r.perSecond} | ${r.p50} | ${r.p95} | ${r.sequentialRoundTrips ?? '–'} | ${bound ?? '–'} | ${bound ? (r.p50 / bound).toFixed(2) : '–'} | ${simulated ?? '–'} | ${simulated ? (r.p50 / simulated).toFixed(2) : '–'} | ${errors(r)} | ${r.legacyCallsPerRequest} | ${r.partnerLegacyCallsPerRequest} |`;
      }),
    );
  }
  if (saturation.length) {
    lines.push(
      '',
      `Saturation: legacy systems at latency 0, ${meta.saturation.clients} clients, ${meta.saturation.seconds} s per round${meta.saturation.minAnswers > 0 ? ` (longer until it counts ${meta.saturation.minAnswers} answers, at most ${meta.saturation.maxWindowSeconds} s)` : ''} after ${meta.saturation.warmupSeconds} s unmeasured${meta.saturation.rowWarmupSeconds > 0 ? ` (${meta.saturation.rowWarmupSeconds} s before each cold row's first round)` : ''}; CPU from /proc (user + system) per request answered; req/s over all rounds (range per round).`,
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
