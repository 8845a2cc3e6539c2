import { expectedLegacyCalls } from '../src/e2e/expectedLegacyCalls';
import { asAccueil, nirsIn, query, startTestFederation, testCodec } from '../src/e2e/testFederation';
import type { RunningFederation } from '@passerelle/dev';

let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

// A reception agent checking which partners know 100 people: presence @requires a field of every
// partner, so the gateway fetches from all of them (and the Département answers who may see whom).
const listQuery = 'query Liste($ids: [ID!]!) { usagers(ids: $ids) { id identite { nomNaissance prenoms } presencePartenaires { caf msa franceTravail cpam carsat siao bailleurs } } }';

describe('usagers(ids:) over 100 ids, every partner consulted', () => {
  it('costs one call per batch to each batch-capable legacy system, two batches for France Travail’s two steps, one to the Département for row authorization, one per distinct birth date at the one-at-a-time landlord, one identity search per person the SIAO has no NIR for', async () => {
    expect(listQuery).toContain('usagers(ids: $ids)');
    const people = federation.population.personnes.filter((p) => !p.ref.startsWith('persona:')).slice(0, 100);
    const ids = people.map((p) => testCodec.encode(p.nir));
    federation.simulator.reset();
    const answer = await query<{ usagers: Array<{ id: string } | null> }>(federation, listQuery, { ids }, asAccueil());
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.usagers.map((u) => u?.id)).toEqual(ids);
    expect(nirsIn(answer.raw)).toEqual([]);

    const stats = federation.simulator.stats();
    expect(stats).toEqual(expectedLegacyCalls(federation.population, people, { departementFields: false }));
    // The figures behind the closing note, for this seed: batch-capable systems once per batch.
    expect([stats.sngi, stats.caf, stats.cpam, stats.carsat, stats.msa, stats.departement]).toEqual([1, 1, 2, 3, 1, 1]);
  });

  it('keeps order, gives null for unknown or forged ids, each with its own error', async () => {
    const known = testCodec.encode(federation.population.persona('rsa-isolee').nir);
    const unknown = testCodec.encode('299999999999905');
    const answer = await query<{ usagers: Array<{ id: string } | null> }>(federation, 'query($ids: [ID!]!) { usagers(ids: $ids) { id } }', { ids: [unknown, known, 'u_forged'] }, asAccueil());
    expect(answer.data?.usagers).toEqual([null, { id: known }, null]);
    expect(answer.errors).toEqual([expect.objectContaining({ path: ['usagers', 2], extensions: { code: 'IDENTIFIANT_USAGER_INVALIDE', argument: 'ids', retryable: false } })]);
  });
});
