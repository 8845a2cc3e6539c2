import type { SchedulerTimes } from './procStats';
import { round1 } from './percentile';

/** One process's share of the measured requests, per request, in ms. */
export interface CoreWait {
  process: string;
  onCoreMs: number;
  waitingMs: number;
}

/**
 * Per request, what each process spent on a core and runnable but waiting for one, between two
 * readings of the scheduler's counts (procStats.ts `schedulerTimesOf`). A process with no reading
 * on either side (gone, or no schedstat) is left out; the rows come in the order of `after`.
 */
export function coreWaitsOf(before: ReadonlyMap<string, SchedulerTimes | null>, after: ReadonlyMap<string, SchedulerTimes | null>, requests: number): CoreWait[] {
  if (!Number.isInteger(requests) || requests < 1) throw new RangeError(`requests must be a whole number from 1; got ${requests}`);
  const rows: CoreWait[] = [];
  for (const [name, end] of after) {
    const start = before.get(name);
    if (!start || !end) continue;
    rows.push({ process: name, onCoreMs: round1((end.onCoreMs - start.onCoreMs) / requests), waitingMs: round1((end.waitingMs - start.waitingMs) / requests) });
  }
  return rows;
}

/** The table `npm run bench:critical-path` prints under the path's: every process, then their totals. */
export function formatCoreWaits(rows: readonly CoreWait[], requests: number): string {
  const total = rows.reduce((sum, r) => ({ onCoreMs: sum.onCoreMs + r.onCoreMs, waitingMs: sum.waitingMs + r.waitingMs }), { onCoreMs: 0, waitingMs: 0 });
  return [
    `Each process over the ${requests} measured requests, per request (the scheduler's counts, /proc/<pid>/task/*/schedstat, every thread):`,
    '',
    '| Process | on a core, ms | runnable, waiting for a core, ms |',
    '|---|---:|---:|',
    ...rows.map((r) => `| ${r.process} | ${r.onCoreMs.toFixed(1)} | ${r.waitingMs.toFixed(1)} |`),
    `| all of them | ${round1(total.onCoreMs).toFixed(1)} | ${round1(total.waitingMs).toFixed(1)} |`,
  ].join('\n');
}
