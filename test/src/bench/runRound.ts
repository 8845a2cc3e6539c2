import type { GatewayKey, RoundResult, SettingKey, VariantKey } from './benchTypes';
import type { LoadJob } from './loadGenerator';
import { cpuMsOf, peakRssMiBOf, processTree, resetPeakRss, treeCpuMsOf } from './procStats';
import type { SimulatorAdmin } from './simulatorAdmin';
import type { BenchProcesses } from './startBenchProcesses';
import type { LoadGenerator } from './startLoadGenerator';

export interface RoundSpec {
  setting: SettingKey;
  scenario: string;
  variant: VariantKey;
  gateway: GatewayKey;
  round: number;
  job: LoadJob;
  /** Unmeasured load first, at the same load (BenchOptions.warmupSeconds); 0: none. */
  warmupSeconds: number;
}

/** The Département's own system (caseload lists, access facts): the one a repeated caseload may still call (issue 11's target). */
const departementSystem = 'departement';

const sumPeaks = (peaks: ReadonlyArray<number | null>): number | null => (peaks.every((peak) => peak !== null) ? peaks.reduce<number>((total, peak) => total + (peak ?? 0), 0) : null);

/**
 * One round: the simulator's counters reset and the gateway's peak RSS reset, CPU times read,
 * the load generator run, everything read again; per-request figures divide by the requests
 * answered. Returns the round and the index of the next request of the variant's list.
 */
export async function runRound(spec: RoundSpec, processes: BenchProcesses, simulator: SimulatorAdmin, load: LoadGenerator): Promise<{ result: RoundResult; next: number }> {
  const gateway = processes.gateways.get(spec.gateway)!;
  // The same-usager variant measures the warm path: its request once first, not counted, so that
  // the subgraphs' caches (shared by every gateway, 30 s for personal data) expired since the last
  // round are not charged to whichever gateway's round comes first.
  if (spec.variant === 'same') {
    for (const request of new Set(spec.job.requests)) await (await fetch(spec.job.url, { method: 'POST', headers: request.headers, body: request.body })).text();
  }
  // The warm-up draws the next requests of the variant's list: the measured ones stay unseen.
  let job = spec.job;
  if (spec.warmupSeconds > 0) {
    const warm = await load.run({ ...job, seconds: spec.warmupSeconds });
    job = { ...job, start: warm.next };
  }
  await simulator.reset();
  // A gateway of several processes (`passerelle-workers`: a primary and its workers) counts them all.
  const gatewayPids = processTree(gateway.pid);
  gatewayPids.forEach(resetPeakRss);
  const bySubgraph = () => new Map(processes.subgraphs.map((s) => [s.name, cpuMsOf(s.pid) ?? 0]));
  const before = { gateway: treeCpuMsOf(gateway.pid) ?? 0, subgraphs: bySubgraph(), simulator: cpuMsOf(processes.simulator.pid) ?? 0 };
  const outcome = await load.run(job);
  const after = { gateway: treeCpuMsOf(gateway.pid) ?? 0, subgraphs: bySubgraph(), simulator: cpuMsOf(processes.simulator.pid) ?? 0 };
  const subgraphsCpuMsBySubgraph = Object.fromEntries([...after.subgraphs].map(([name, ms]) => [name, ms - (before.subgraphs.get(name) ?? 0)]));
  const stats = await simulator.stats();
  const { next, ...figures } = outcome;
  const legacyCalls = Object.values(stats).reduce((a, b) => a + b, 0);
  const partnerLegacyCalls = Object.entries(stats).reduce((n, [system, calls]) => (system === departementSystem ? n : n + calls), 0);
  return {
    next,
    result: {
      setting: spec.setting,
      scenario: spec.scenario,
      variant: spec.variant,
      gateway: spec.gateway,
      round: spec.round,
      ...figures,
      gatewayCpuMs: after.gateway - before.gateway,
      subgraphsCpuMs: Object.values(subgraphsCpuMsBySubgraph).reduce((a, b) => a + b, 0),
      subgraphsCpuMsBySubgraph,
      simulatorCpuMs: after.simulator - before.simulator,
      legacyCalls,
      partnerLegacyCalls,
      legacyCallsBySystem: stats,
      // Several processes: the sum of their peaks (an upper bound of the peak of their sum).
      gatewayPeakRssMiB: sumPeaks(gatewayPids.map(peakRssMiBOf)),
    },
  };
}
