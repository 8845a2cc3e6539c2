import type { SimulatorCall } from '@passerelle/mocks';

/** One legacy call as the simulator's journal lists it (`GET /_admin/calls`), times in epoch ms. */
export type ObservedCall = SimulatorCall;

/** One request's legacy calls, and when the bench sent the request (epoch ms). */
export interface ObservedRun {
  sentMs: number;
  calls: readonly ObservedCall[];
}

/**
 * The legacy calls of one request's plan and what each waits for: `deps[i]` are the calls call
 * `i` starts after (indices below `i`: calls are in the order they started).
 */
export interface LegacyPlan {
  systems: string[];
  deps: number[][];
  /** (call, system) pairs where the run with that system slowed did not make the call again (batches cut otherwise): no dependency assumed. */
  unmatched: number;
}

/** `system|digest|n`: the n-th time this request was made in the run, so that runs match call by call. */
function keysOf(calls: readonly ObservedCall[]): string[] {
  const seen = new Map<string, number>();
  return calls.map((c) => {
    const key = `${c.system}|${c.call}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return `${key}|${n}`;
  });
}

const byStart = (run: ObservedRun): ObservedCall[] => [...run.calls].sort((a, b) => a.startMs - b.startMs);

/**
 * What each legacy call of a plan waits for, found by perturbation: the same request is made once
 * with every system at one fixed latency (`baseline`), then once per system with that system alone
 * `delayMs` slower (`perturbed`). A call whose start moves by at least half that delay waits,
 * directly or not, for that system; it then waits for that system's calls that had ended before it
 * started in the baseline — all of them for another system (the gateway waits for a whole fetch),
 * only the last for its own system (the next call in a chain, or a bulkhead slot freed).
 *
 * Where a perturbed run did not make a call again (DataLoader batches cut differently by other
 * timings), no dependency is assumed: the plan may then be shorter than the real one, never longer,
 * so the bound stays a bound.
 */
export function inferPlan(baseline: ObservedRun, perturbed: ReadonlyMap<string, ObservedRun>, delayMs: number): LegacyPlan {
  if (!(delayMs > 0)) throw new RangeError(`inferPlan: the delay must be positive, got ${delayMs}`);
  const calls = byStart(baseline);
  const keys = keysOf(calls);
  const start = (c: ObservedCall, run: ObservedRun) => c.startMs - run.sentMs;
  const startsIn = new Map<string, Map<string, number>>();
  for (const [system, run] of perturbed) {
    const sorted = byStart(run);
    const runKeys = keysOf(sorted);
    startsIn.set(system, new Map(sorted.map((c, i) => [runKeys[i]!, start(c, run)])));
  }
  let unmatched = 0;
  const deps = calls.map((call, i) => {
    const waitsFor = new Set<number>();
    for (const [system, starts] of startsIn) {
      const moved = starts.get(keys[i]!);
      if (moved === undefined) {
        unmatched += 1;
        continue;
      }
      if (moved - start(call, baseline) < delayMs / 2) continue;
      const before = calls.map((c, j) => ({ c, j })).filter(({ c, j }) => j !== i && c.system === system && c.endMs <= call.startMs);
      if (system === call.system) {
        const last = before.reduce<{ c: ObservedCall; j: number } | null>((latest, x) => (latest === null || x.c.endMs > latest.c.endMs ? x : latest), null);
        if (last) waitsFor.add(last.j);
      } else {
        for (const { j } of before) waitsFor.add(j);
      }
    }
    return [...waitsFor].sort((a, b) => a - b);
  });
  return { systems: calls.map((c) => c.system), deps, unmatched };
}

/** The most legacy calls one after another in the plan: its sequential round trips. */
export function sequentialCalls(plan: LegacyPlan): number {
  const depth: number[] = [];
  plan.deps.forEach((waits, i) => {
    depth[i] = 1 + Math.max(0, ...waits.map((j) => depth[j]!));
  });
  return Math.max(0, ...depth);
}
