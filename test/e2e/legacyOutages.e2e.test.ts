import { expect } from '@jest/globals';
import type { SystemKnobs } from '@passerelle/mocks';
import { expectedErrors, probedSystems, startFaultBench, type FaultBench, type Probe } from '../src/e2e/startFaultBench';

// Issue 11, item 5 (with legacyFaults.e2e.test.ts): each simulated legacy system in turn down,
// answering 500s, slow past its timeout. Each time: partial data with the partner's error, the
// gateway healthy, the breaker opening (calls stop reaching the system) and closing again once
// the system is back (half-open probe). Short breaker windows (startFaultBench.ts) keep it fast;
// nothing asserts on speed.
let bench: FaultBench;
beforeAll(async () => {
  bench = await startFaultBench();
});
afterAll(() => bench.stop());

it('probes every simulated legacy system', () => {
  expect([...probedSystems].sort()).toEqual(Object.keys(bench.federation.simulator.stats()).sort());
});

/** The fault's errors on the first request, then the breaker open (no call reaches the system), then recovery once the system is back. */
async function opensAndRecovers(probe: Probe, system: string, fault: Partial<SystemKnobs>, firstErrors: (p: Probe) => unknown[]): Promise<void> {
  bench.set(system, fault);
  try {
    const first = await probe.run();
    expect(first.status).toBe(200);
    expect(first.errors).toEqual(firstErrors(probe));
    probe.intact(first);
    await bench.healthy();
    // 1 + retries attempts failed, at least the breaker's threshold: it is open.
    const before = bench.calls(system);
    const open = await probe.run();
    expect(open.errors).toEqual(expectedErrors.unavailable(probe));
    probe.intact(open);
    expect(bench.calls(system)).toBe(before);
  } finally {
    bench.restore(system);
  }
  const back = await bench.recovered(probe);
  expect(back.errors).toBeUndefined();
  probe.intact(back);
  const after = bench.calls(system);
  expect((await probe.run()).errors).toBeUndefined();
  expect(bench.calls(system)).toBeGreaterThan(after);
}

describe.each(probedSystems)('the %s system', (system) => {
  const probe = () => bench.probes[system];
  // Each test starts from a healthy federation, whatever the one before left open.
  beforeEach(async () => expect((await bench.recovered(probe())).errors).toBeUndefined());

  it('down (503): partial data with PARTENAIRE_INDISPONIBLE naming it; the breaker opens, and closes again once it is back', () =>
    opensAndRecovers(probe(), system, { down: true }, expectedErrors.unavailable));

  it('answering 500s: the same', () => opensAndRecovers(probe(), system, { errorRate: 1 }, expectedErrors.unavailable));

  it('slow past its timeout: PARTENAIRE_DELAI_DEPASSE; the breaker opens, and closes again once it is fast', () => opensAndRecovers(probe(), system, { latencyMs: 3_000 }, expectedErrors.tooSlow));
});
