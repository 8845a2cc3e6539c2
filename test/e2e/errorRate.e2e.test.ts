import { expect } from '@jest/globals';
import type { RunningFederation } from '@passerelle/dev';
import { cacheBypassHeader } from '@passerelle/subgraph-kit';
import { fullFileQuery } from '../src/e2e/fullFileQuery';
import { asUsager, query, startTestFederation, testCodec } from '../src/e2e/testFederation';

// Issue 11's target: with one legacy call in five answered with HTTP 500 by every system, at least
// 8 full-file reads in 10 come back without any error, on the default resilience settings (retries
// of idempotent reads with backoff and jitter; the breakers stay closed at this rate). Every read
// asks the gateway to bypass the legacy read caches, which it passes on to the subgraphs: each read
// meets the faults afresh instead of being served what an earlier read cached.
let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation({ SIMULATEUR_TAUX_ERREUR: '0.2' });
});
afterAll(() => federation.stop());

it('reads the full file of a persona 10 times at a 20 % legacy error rate: at least 8 answers have no error at all', async () => {
  const id = testCodec.encode(federation.population.persona('rsa-isolee').nir);
  const afresh = { [cacheBypassHeader]: '1' };
  const systems = Object.keys(federation.simulator.stats());
  const totalCalls = () => Object.values(federation.simulator.stats()).reduce((sum, n) => sum + n, 0);
  // What one read costs the systems when none fails (the knob, for this one read).
  for (const system of systems) federation.simulator.setKnobs(system, { errorRate: 0 });
  expect((await query(federation, fullFileQuery, { id }, asUsager(id), afresh)).errors).toBeUndefined();
  const callsPerRead = totalCalls();
  for (const system of systems) federation.simulator.setKnobs(system, { errorRate: 0.2 });
  federation.simulator.reset();
  const answers = [];
  for (let read = 0; read < 10; read++) answers.push(await query<{ usager: { identite: unknown } | null }>(federation, fullFileQuery, { id }, asUsager(id), afresh));
  expect(answers.every((answer) => answer.status === 200)).toBe(true);
  expect(answers.filter((answer) => answer.errors === undefined).length).toBeGreaterThanOrEqual(8);
  // Calls did fail and were retried: more calls than 10 reads cost when nothing fails (without retries, nearly every read carries an error).
  expect(totalCalls()).toBeGreaterThan(10 * callsPerRead);
  // Whatever errors remain name a partner and are retryable: nothing else broke.
  for (const error of answers.flatMap((answer) => answer.errors ?? [])) expect(error.extensions).toMatchObject({ code: 'PARTENAIRE_INDISPONIBLE', partenaire: expect.any(String), retryable: true });
});
