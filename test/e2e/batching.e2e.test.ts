import { expectedLegacyCalls } from '../src/e2e/expectedLegacyCalls';
import { fullFileQuery } from '../src/e2e/fullFileQuery';
import { nirsIn, query, startTestFederation, testCodec } from '../src/e2e/testFederation';
import type { RunningFederation } from '../src/startFederation';

let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const listQuery = fullFileQuery.replace('query DossierComplet($id: ID!) {\n    usager(id: $id) {', 'query Liste($ids: [ID!]!) {\n    usagers(ids: $ids) {');

describe('usagers(ids:) over 100 ids with every partner’s fields', () => {
  it('costs one call per batch to each batch-capable legacy system, two batches for France Travail’s two steps and the Département’s summary, one per distinct birth date at the one-at-a-time landlord, one identity search per person the SIAO has no NIR for', async () => {
    expect(listQuery).toContain('usagers(ids: $ids)');
    const people = federation.population.personnes.filter((p) => !p.ref.startsWith('persona:')).slice(0, 100);
    const ids = people.map((p) => testCodec.encode(p.nir));
    federation.simulator.reset();
    const answer = await query<{ usagers: Array<{ id: string } | null> }>(federation, listQuery, { ids });
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.usagers.map((u) => u?.id)).toEqual(ids);
    expect(nirsIn(answer.raw)).toEqual([]);

    const stats = federation.simulator.stats();
    expect(stats).toEqual(expectedLegacyCalls(federation.population, people));
    // The figures behind the closing note, for this seed: batch-capable systems once per batch.
    expect([stats.sngi, stats.caf, stats.cpam, stats.carsat, stats.msa, stats.departement]).toEqual([1, 1, 2, 3, 1, 2]);
  });

  it('keeps order, gives null for unknown or forged ids, each with its own error', async () => {
    const known = testCodec.encode(federation.population.persona('rsa-isolee').nir);
    const unknown = testCodec.encode('299999999999905');
    const answer = await query<{ usagers: Array<{ id: string } | null> }>(federation, 'query($ids: [ID!]!) { usagers(ids: $ids) { id } }', { ids: [unknown, known, 'u_forged'] });
    expect(answer.data?.usagers).toEqual([null, { id: known }, null]);
    expect(answer.errors).toEqual([expect.objectContaining({ path: ['usagers', 2], extensions: { code: 'IDENTIFIANT_USAGER_INVALIDE', argument: 'ids', retryable: false } })]);
  });
});
