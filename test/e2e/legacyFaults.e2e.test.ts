import { expect } from '@jest/globals';
import { expectedErrors, faultSettings, probedSystems, startFaultBench, type FaultBench } from '../src/e2e/startFaultBench';

// Issue 11, item 5 (with legacyOutages.e2e.test.ts): each simulated legacy system in turn
// answering malformed payloads, flapping, and down under a burst of requests: partial data with
// the partner's error, the gateway healthy, calls bounded. Nothing asserts on speed.
let bench: FaultBench;
beforeAll(async () => {
  bench = await startFaultBench();
});
afterAll(() => bench.stop());

describe.each(probedSystems)('the %s system', (system) => {
  const probe = () => bench.probes[system];
  // Each test starts from a healthy federation, whatever the one before left open.
  beforeEach(async () => expect((await bench.recovered(probe())).errors).toBeUndefined());

  it('answering malformed payloads: PARTENAIRE_REPONSE_INVALIDE, never retried, and the breaker stays closed (the system answers)', async () => {
    bench.set(system, { malformed: true });
    try {
      const before = bench.calls(system);
      const first = await probe().run();
      const during = bench.calls(system);
      expect(first.status).toBe(200);
      expect(first.errors).toEqual(expectedErrors.malformed(probe()));
      probe().intact(first);
      await bench.healthy();
      const second = await probe().run();
      expect(second.errors).toEqual(expectedErrors.malformed(probe()));
      // Each request reached the system again, and as often as the first: a payload is not retried.
      expect(during - before).toBeGreaterThan(0);
      expect(bench.calls(system) - during).toBe(during - before);
    } finally {
      bench.restore(system);
    }
    expect((await probe().run()).errors).toBeUndefined();
  });

  it('flapping (down one request, up the next): every answer whole or with its partner error only, calls bounded, whole again once stable', async () => {
    const before = bench.calls(system);
    const rounds = 6;
    try {
      for (let round = 0; round < rounds; round++) {
        bench.set(system, { down: round % 2 === 0 });
        const answer = await probe().run();
        expect(answer.status).toBe(200);
        if (answer.errors !== undefined) expect(answer.errors).toEqual(expectedErrors.unavailable(probe()));
        probe().intact(answer);
      }
      await bench.healthy();
    } finally {
      bench.restore(system);
    }
    // At most 1 + retries attempts per legacy call, and a probe makes at most 2 calls to one system (France Travail: identification, then the file).
    expect(bench.calls(system) - before).toBeLessThanOrEqual(rounds * 2 * (1 + faultSettings.retries));
    expect((await bench.recovered(probe())).errors).toBeUndefined();
  });

  it('no pile-up during an outage: 12 requests at once reach it at most the bulkhead’s width plus the breaker’s threshold times', async () => {
    bench.set(system, { down: true });
    try {
      const before = bench.calls(system);
      const answers = await Promise.all(Array.from({ length: 12 }, () => probe().run()));
      for (const answer of answers) {
        expect(answer.errors).toEqual(expectedErrors.unavailable(probe()));
        probe().intact(answer);
      }
      // Without the breaker and the bulkhead: 12 requests × (1 + retries) attempts = 24.
      expect(bench.calls(system) - before).toBeLessThanOrEqual(faultSettings.maxConcurrency + faultSettings.breakerFailures);
      await bench.healthy();
    } finally {
      bench.restore(system);
    }
    expect((await bench.recovered(probe())).errors).toBeUndefined();
  });
});
