import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on every Linux this project runs on). */
const ticksPerSecond = 100;

/**
 * CPU time a process has spent so far, user + system, in ms: fields 14 and 15 of
 * /proc/<pid>/stat (counted after the command name, which may hold spaces, hence the last `)`).
 * Null when the process is gone or /proc is not Linux's.
 */
export function cpuMsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): utime is field 14, stime field 15.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / ticksPerSecond : null;
  } catch {
    return null;
  }
}

/**
 * A process and its descendants (a gateway's primary and its workers), from
 * /proc/<pid>/task/<tid>/children (Linux ≥ 3.5); just `pid` when that is not readable.
 */
export function processTree(pid: number): number[] {
  const children = (parent: number): number[] => {
    try {
      return readdirSync(`/proc/${parent}/task`).flatMap((tid) => {
        try {
          return readFileSync(`/proc/${parent}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
        } catch {
          return [];
        }
      });
    } catch {
      return [];
    }
  };
  const tree = [pid];
  for (let i = 0; i < tree.length; i += 1) tree.push(...children(tree[i]!));
  return tree;
}

/** CPU time of a process and its descendants, in ms (see `cpuMsOf`, `processTree`); a process gone meanwhile counts 0. */
export function treeCpuMsOf(pid: number): number | null {
  const own = cpuMsOf(pid);
  return own === null ? null : processTree(pid).reduce((total, member) => total + (member === pid ? own : (cpuMsOf(member) ?? 0)), 0);
}

/** Peak resident set size of a process, in MiB (VmHWM of /proc/<pid>/status); null when unknown. */
export function peakRssMiBOf(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * Resets a process's peak RSS to its current RSS (`5` to /proc/<pid>/clear_refs, Linux ≥ 4.0),
 * so the next VmHWM is the peak of what follows. False when not allowed (the peak then counts
 * from the process's start).
 */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** What the scheduler counted for a process so far (every thread of it), in ms. */
export interface SchedulerTimes {
  /** Time running on a core. */
  onCoreMs: number;
  /** Time runnable but waiting for a core (on a run queue). */
  waitingMs: number;
}

/**
 * One line of /proc/<pid>/task/<tid>/schedstat: nanoseconds on a core, nanoseconds waiting on a
 * run queue, and time slices (Linux's Documentation/scheduler/sched-stats). Null when it is not
 * three whole numbers.
 */
export function parseSchedstat(text: string): SchedulerTimes | null {
  const fields = text.trim().split(/\s+/);
  if (fields.length !== 3 || !fields.every((f) => /^\d+$/.test(f))) return null;
  return { onCoreMs: Number(fields[0]) / 1e6, waitingMs: Number(fields[1]) / 1e6 };
}

/**
 * The scheduler's times of a process, summed over its threads (the main thread, libuv's pool,
 * V8's compiler and collector threads). Null when the process is gone or the kernel keeps no
 * schedstat (CONFIG_SCHED_INFO off). Threads that ended meanwhile take their counts with them.
 */
export function schedulerTimesOf(pid: number): SchedulerTimes | null {
  try {
    const total: SchedulerTimes = { onCoreMs: 0, waitingMs: 0 };
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      let times: SchedulerTimes | null = null;
      try {
        times = parseSchedstat(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8'));
      } catch {
        continue; // the thread ended between the listing and the read
      }
      if (times === null) return null;
      total.onCoreMs += times.onCoreMs;
      total.waitingMs += times.waitingMs;
    }
    return total;
  } catch {
    return null;
  }
}
