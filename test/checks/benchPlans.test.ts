import { parseBenchArgs } from '../src/bench/benchOptions';
import { inferPlan, sequentialCalls, type ObservedCall, type ObservedRun } from '../src/bench/inferPlan';
import { simulatePlans } from '../src/bench/simulatePlans';

/**
 * A plan the way a gateway would run it: each call starts `gap` ms after the last of what it
 * waits for has ended, and lasts its system's latency. `waits` names calls by their id.
 */
interface Spec {
  id: string;
  system: string;
  waits: string[];
}

function run(specs: readonly Spec[], latencyOf: (system: string) => number, sentMs = 1_000_000, gap = 3): ObservedRun {
  const end = new Map<string, number>();
  const calls: ObservedCall[] = specs.map((s) => {
    const start = s.waits.length ? Math.max(...s.waits.map((w) => end.get(w)!)) + gap : sentMs + gap;
    end.set(s.id, start + latencyOf(s.system));
    return { system: s.system, call: `digest-${s.id}`, startMs: start, endMs: start + latencyOf(s.system) };
  });
  return { sentMs, calls };
}

function probe(specs: readonly Spec[], latency = 40, delay = 40) {
  const baseline = run(specs, () => latency);
  const perturbed = new Map([...new Set(specs.map((s) => s.system))].map((system) => [system, run(specs, (s) => (s === system ? latency + delay : latency))]));
  return inferPlan(baseline, perturbed, delay);
}

// The full file's shape through Passerelle: the identity lookup and the access facts together, then
// every partner at once, two of them asking twice in a row (identification, then the file).
const fullFile: Spec[] = [
  { id: 'sngi', system: 'sngi', waits: [] },
  { id: 'facts', system: 'departement', waits: [] },
  { id: 'ft1', system: 'france-travail', waits: ['sngi', 'facts'] },
  { id: 'siao1', system: 'siao', waits: ['sngi', 'facts'] },
  { id: 'caf', system: 'caf', waits: ['sngi', 'facts'] },
  { id: 'ft2', system: 'france-travail', waits: ['ft1'] },
  { id: 'siao2', system: 'siao', waits: ['siao1'] },
];

describe('inferPlan: what each legacy call waits for, by perturbation', () => {
  it('finds the chains and the fan-out of a plan, and its sequential round trips', () => {
    const plan = probe(fullFile);
    const ids = (indices: number[]) => indices.map((i) => plan.systems[i]);
    expect(plan.systems).toEqual(['sngi', 'departement', 'france-travail', 'siao', 'caf', 'france-travail', 'siao']);
    expect(plan.deps[0]).toEqual([]);
    expect(plan.deps[1]).toEqual([]);
    for (const i of [2, 3, 4]) expect(ids(plan.deps[i]!)).toEqual(['sngi', 'departement']);
    // France Travail's file waits for its identification (and, through it, for the first wave); not for the SIAO or the CAF.
    expect(plan.deps[5]).toEqual([0, 1, 2]);
    expect(plan.deps[6]).toEqual([0, 1, 3]);
    expect(plan.unmatched).toBe(0);
    expect(sequentialCalls(plan)).toBe(3);
  });

  it('assumes no dependency where a slowed run did not make the call again, and says so', () => {
    const baseline = run(fullFile, () => 40);
    const perturbed = new Map([...new Set(fullFile.map((s) => s.system))].map((system) => [system, run(fullFile, (s) => (s === system ? 80 : 40))]));
    // Slowing the identity lookup, the gateway cut the CAF's batch otherwise: its call is not in that run.
    const sngi = perturbed.get('sngi')!;
    perturbed.set('sngi', { ...sngi, calls: sngi.calls.filter((c) => c.call !== 'digest-caf') });
    const plan = inferPlan(baseline, perturbed, 40);
    expect(plan.deps[4]!.map((i) => plan.systems[i])).toEqual(['departement']);
    expect(plan.unmatched).toBe(1);
  });

  it('makes a call that waits for a slot of its own system wait for the last one before it only', () => {
    // A bulkhead of 2 on one system: its third call starts when the first answer frees a slot.
    const plan = probe([
      { id: 'a', system: 'rah', waits: [] },
      { id: 'b', system: 'rah', waits: [] },
      { id: 'c', system: 'rah', waits: ['a'] },
    ]);
    // Both earlier answers came at once here: the slot is either's, and one only.
    expect(plan.deps.slice(0, 2)).toEqual([[], []]);
    expect(plan.deps[2]).toHaveLength(1);
    expect(sequentialCalls(plan)).toBe(2);
  });

  it('refuses a delay that is not positive', () => {
    expect(() => inferPlan({ sentMs: 0, calls: [] }, new Map(), 0)).toThrow(/delay must be positive/);
  });
});

describe('simulatePlans: the legacy calls alone, at a latency with jitter', () => {
  const chain = { systems: ['a', 'b', 'c'], deps: [[], [0], [1]], unmatched: 0 };
  const pair = { systems: ['a', 'b'], deps: [[], []], unmatched: 0 };

  it('is the plain bound without jitter', () => {
    expect(simulatePlans([chain], { latencyMs: 40, jitterMs: 0 })).toEqual({ p50: 120, p95: 120 });
  });

  it('waits for the slowest of parallel calls: the median of two uniform draws on [20, 60] is 20 + 40·√½', () => {
    const { p50 } = simulatePlans([pair], { latencyMs: 40, jitterMs: 20 })!;
    expect(Math.abs(p50 - (20 + 40 * Math.SQRT1_2))).toBeLessThan(0.6);
  });

  it('mixes the plans of several requests, and is the same for the same plans', () => {
    const single = { systems: ['a'], deps: [[]], unmatched: 0 };
    // The draws take the plans in turn: two in three are the single call's 40 ms, one in three the chain's 120.
    expect(simulatePlans([chain, single, single], { latencyMs: 40, jitterMs: 0 }, 999)).toEqual({ p50: 40, p95: 120 });
    expect(simulatePlans([pair], { latencyMs: 40, jitterMs: 20 })).toEqual(simulatePlans([pair], { latencyMs: 40, jitterMs: 20 }));
  });

  it('has no bound for a plan without legacy calls, and refuses a jitter above the latency', () => {
    expect(simulatePlans([{ systems: [], deps: [], unmatched: 0 }], { latencyMs: 40, jitterMs: 20 })).toBeNull();
    expect(() => simulatePlans([pair], { latencyMs: 40, jitterMs: 50 })).toThrow(/jitter/);
  });
});

describe('--plan-probes', () => {
  it('probes three people by default, one in the smoke run, none when told, and refuses anything else', () => {
    expect(parseBenchArgs([])).toMatchObject({ planProbes: 3 });
    expect(parseBenchArgs(['--quick'])).toMatchObject({ planProbes: 1 });
    expect(parseBenchArgs(['--plan-probes', '0'])).toMatchObject({ planProbes: 0 });
    expect(() => parseBenchArgs(['--plan-probes', '-1'])).toThrow('--plan-probes: expected a whole number in [0, 20]');
    expect(() => parseBenchArgs(['--plan-probes', 'two'])).toThrow('--plan-probes: expected a whole number in [0, 20]; got two');
  });
});
