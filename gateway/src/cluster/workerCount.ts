import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { EnvParser } from '@passerelle/subgraph-kit';

/** Most workers GATEWAY_WORKERS may ask for. */
export const maxGatewayWorkers = 64;

/** GATEWAY_WORKERS: `auto` (one per core this process may use) or a number of worker processes. */
export type WorkersSetting = number | 'auto';

/** Parses GATEWAY_WORKERS: `auto`, or an integer from 1 to 64. */
export const envWorkers: EnvParser<WorkersSetting> = (raw) => {
  const value = raw.trim();
  if (value === 'auto') return 'auto';
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > maxGatewayWorkers) throw new Error(`expected \`auto\` or an integer between 1 and ${maxGatewayWorkers}`);
  return Number(value);
};

/**
 * The cores a cgroup v2 CPU quota grants (`/sys/fs/cgroup/cpu.max`: `<quota> <period>` or `max`),
 * rounded up; null without a quota. Node 20's `availableParallelism()` counts the machine's cores
 * (or the affinity mask), not a container's CPU limit: forking one worker per host core in a pod
 * limited to one CPU would only add processes competing for the same quota.
 */
export function cgroupCpuLimit(read: (path: string) => string = (path) => readFileSync(path, 'utf8')): number | null {
  try {
    const [quota, period] = read('/sys/fs/cgroup/cpu.max').trim().split(/\s+/);
    const cores = Number(quota) / Number(period);
    return Number.isFinite(cores) && cores > 0 ? Math.max(1, Math.ceil(cores)) : null;
  } catch {
    return null;
  }
}

/** How many workers to run: the number given, or for `auto` the cores available, bounded by a CPU quota. */
export function resolveWorkerCount(setting: WorkersSetting, cores: number = availableParallelism(), cpuLimit: number | null = cgroupCpuLimit()): number {
  if (setting !== 'auto') return setting;
  return Math.max(1, Math.min(maxGatewayWorkers, cores, cpuLimit ?? cores));
}
