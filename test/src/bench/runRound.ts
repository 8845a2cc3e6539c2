import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GatewayKey, LoadResult, RoundResult, SettingKey, VariantKey } from './benchTypes';
import type { LoadJob } from './loadGenerator';
import { cpuMsOf, peakRssMiBOf, resetPeakRss } from './procStats';
import type { SimulatorAdmin } from './simulatorAdmin';
import type { BenchProcesses } from './startBenchProcesses';

export interface RoundSpec {
  setting: SettingKey;
  scenario: string;
  variant: VariantKey;
  gateway: GatewayKey;
  round: number;
  job: LoadJob;
}

/** Runs the load generator as its own process and reads its JSON result. */
function runLoadGenerator(job: LoadJob, workDir: string): Promise<LoadResult & { next: number }> {
  const jobFile = path.join(workDir, 'job.json');
  writeFileSync(jobFile, JSON.stringify(job));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'loadGenerator.ts'), jobFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}: ${stderr.trim()}`));
      try {
        resolve(JSON.parse(stdout) as LoadResult & { next: number });
      } catch {
        reject(new Error(`load generator printed no result: ${stderr.trim()}`));
      }
    });
  });
}

const sumCpu = (pids: readonly number[]) => pids.reduce((total, pid) => total + (cpuMsOf(pid) ?? 0), 0);

/**
 * One round: the simulator's counters reset and the gateway's peak RSS reset, CPU times read,
 * the load generator run, everything read again; per-request figures divide by the requests
 * answered. Returns the round and the index of the next request of the variant's list.
 */
export async function runRound(spec: RoundSpec, processes: BenchProcesses, simulator: SimulatorAdmin): Promise<{ result: RoundResult; next: number }> {
  const gateway = processes.gateways.get(spec.gateway)!;
  const subgraphPids = processes.subgraphs.map((s) => s.pid);
  await simulator.reset();
  resetPeakRss(gateway.pid);
  const before = { gateway: cpuMsOf(gateway.pid) ?? 0, subgraphs: sumCpu(subgraphPids), simulator: cpuMsOf(processes.simulator.pid) ?? 0 };
  const load = await runLoadGenerator(spec.job, processes.workDir);
  const after = { gateway: cpuMsOf(gateway.pid) ?? 0, subgraphs: sumCpu(subgraphPids), simulator: cpuMsOf(processes.simulator.pid) ?? 0 };
  const stats = await simulator.stats();
  const { next, ...figures } = load;
  const legacyCalls = Object.values(stats).reduce((a, b) => a + b, 0);
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
      subgraphsCpuMs: after.subgraphs - before.subgraphs,
      simulatorCpuMs: after.simulator - before.simulator,
      legacyCalls,
      legacyCallsBySystem: stats,
      gatewayPeakRssMiB: peakRssMiBOf(gateway.pid),
    },
  };
}
