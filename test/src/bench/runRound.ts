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
  job: Omit<LoadJob, 'warmupSeconds'>;
  /** Unmeasured load first, at the same load (BenchOptions.warmupSeconds); 0: none. */
  warmupSeconds: number;
}

/** The Département's own system (caseload lists, access facts): the one a repeated caseload may still call (issue 11's target). */
const departementSystem = 'departement';

const sumPeaks = (peaks: ReadonlyArray<number | null>): number | null => (peaks.every((peak) => peak !== null) ? peaks.reduce<number>((total, peak) => total + (peak ?? 0), 0) : null);

/**
 * One round: the load generator's job (its warm-up, then the measured window); when the window
 * opens the simulator's counters and the gateway's peak RSS are reset and CPU times read, when it
 * closes everything is read again; per-request figures divide by the requests answered inside it. Returns the round and the index of the next request of the variant's list.
 */
export async function runRound(spec: RoundSpec, processes: BenchProcesses, simulator: SimulatorAdmin, load: LoadGenerator): Promise<{ result: RoundResult; next: number }> {
  const gateway = processes.gateways.get(spec.gateway)!;
  // The same-usager variant measures the warm path: its request once first, not counted, so that
  // the subgraphs' caches (shared by every gateway, 30 s for personal data) expired since the last
  // round are not charged to whichever gateway's round comes first.
  if (spec.variant === 'same') {
    for (const request of new Set(spec.job.requests)) await (await fetch(spec.job.url, { method: 'POST', headers: request.headers, body: request.body })).text();
  }
  // A gateway of several processes (`passerelle-workers`: a primary and its workers) counts them all.
  const gatewayPids = processTree(gateway.pid);
  const bySubgraph = () => new Map(processes.subgraphs.map((s) => [s.name, cpuMsOf(s.pid) ?? 0]));
  const cpu = () => ({ gateway: treeCpuMsOf(gateway.pid) ?? 0, subgraphs: bySubgraph(), simulator: cpuMsOf(processes.simulator.pid) ?? 0 });
  // Everything is read when the load generator opens and closes the measured window, the loops
  // running on both sides of it (loadGenerator.ts): the counters, CPU times and peak RSS of a steady state.
  let before: ReturnType<typeof cpu> | undefined;
  let after: ReturnType<typeof cpu> | undefined;
  let reset: Promise<void> = Promise.resolve();
  let stats: Promise<Record<string, number>> | undefined;
  const outcome = await load.run({ ...spec.job, warmupSeconds: spec.warmupSeconds }, (event) => {
    if (event === 'open') {
      reset = simulator.reset();
      gatewayPids.forEach(resetPeakRss);
      before = cpu();
    } else {
      after = cpu();
      // After the reset has landed: a close that overtook it would read the warm-up's calls too.
      stats = reset.then(() => simulator.stats());
    }
  });
  if (before === undefined || after === undefined || stats === undefined) throw new Error('the load generator did not report its measured window');
  const opened = before;
  const subgraphsCpuMsBySubgraph = Object.fromEntries([...after.subgraphs].map(([name, ms]) => [name, ms - (opened.subgraphs.get(name) ?? 0)]));
  const calls = await stats;
  const { next, ...figures } = outcome;
  const legacyCalls = Object.values(calls).reduce((a, b) => a + b, 0);
  const partnerLegacyCalls = Object.entries(calls).reduce((n, [system, count]) => (system === departementSystem ? n : n + count), 0);
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
      legacyCallsBySystem: calls,
      // Several processes: the sum of their peaks (an upper bound of the peak of their sum).
      gatewayPeakRssMiB: sumPeaks(gatewayPids.map(peakRssMiBOf)),
    },
  };
}
