import { coreWaitsOf, formatCoreWaits } from '../src/bench/coreWaits';
import { parseSchedstat, schedulerTimesOf } from '../src/bench/procStats';

describe("the scheduler's counts (npm run bench:critical-path)", () => {
  it('reads a schedstat line: ns on a core, ns waiting for one, time slices', () => {
    expect(parseSchedstat('2500000000 750000 1234\n')).toEqual({ onCoreMs: 2500, waitingMs: 0.75 });
    expect(parseSchedstat('')).toBeNull();
    expect(parseSchedstat('12 34')).toBeNull();
    expect(parseSchedstat('12 -3 5')).toBeNull();
    expect(parseSchedstat('12 34 5 6')).toBeNull();
  });

  it("sums a live process's threads, and grows as it works", () => {
    const before = schedulerTimesOf(process.pid);
    expect(before).not.toBeNull();
    // Work until Node's own count of this process's CPU time has grown by 30 ms: the scheduler's must have too.
    const start = process.cpuUsage();
    let spin = 0;
    while ((process.cpuUsage(start).user + process.cpuUsage(start).system) / 1000 < 30) spin += 1;
    const after = schedulerTimesOf(process.pid)!;
    expect(spin).toBeGreaterThan(0);
    expect(after.onCoreMs - before!.onCoreMs).toBeGreaterThanOrEqual(25);
    expect(after.waitingMs).toBeGreaterThanOrEqual(before!.waitingMs);
  });

  it('says nothing of a process that is gone', () => {
    expect(schedulerTimesOf(2 ** 22 + 7)).toBeNull();
  });

  it('divides each process’s counts by the requests, leaving out those without a reading', () => {
    const before = new Map([
      ['gateway', { onCoreMs: 100, waitingMs: 10 }],
      ['subgraph etat', { onCoreMs: 50, waitingMs: 5 }],
      ['simulator', null],
    ]);
    const after = new Map([
      ['gateway', { onCoreMs: 400, waitingMs: 190 }],
      ['subgraph etat', { onCoreMs: 110, waitingMs: 125 }],
      ['simulator', { onCoreMs: 1, waitingMs: 1 }],
    ]);
    const rows = coreWaitsOf(before, after, 60);
    expect(rows).toEqual([
      { process: 'gateway', onCoreMs: 5, waitingMs: 3 },
      { process: 'subgraph etat', onCoreMs: 1, waitingMs: 2 },
    ]);
    expect(formatCoreWaits(rows, 60)).toContain('| gateway | 5.0 | 3.0 |\n| subgraph etat | 1.0 | 2.0 |\n| all of them | 6.0 | 5.0 |');
    expect(() => coreWaitsOf(before, after, 0)).toThrow(RangeError);
  });
});
