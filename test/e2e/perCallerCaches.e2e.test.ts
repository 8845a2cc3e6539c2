import type { PersonaKey } from '@passerelle/mocks';
import type { RunningFederation } from '@passerelle/dev';
import { fullFileQuery } from '../src/e2e/fullFileQuery';
import { asReferent, nirsIn, query, startTestFederation, testCodec } from '../src/e2e/testFederation';

/**
 * The gateway's per-document caches (field authorization by rights profile, the rewritten
 * document, reads, partner-code checks: gateway/src/pipeline/steps) and the access facts fetched
 * while the identity register answers (gateway/src/rows/createRowGuard.ts): two référents with
 * different rights send the very same document about the same usager, interleaved, warm caches
 * included, and each gets their own answer; the one who may not see her reaches no partner.
 */
let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const idOf = (key: PersonaKey) => testCodec.encode(federation.population.persona(key).nir);

describe('the same document, the same usager, two callers with different rights', () => {
  // homonyme-rodez is ref-007's: ref-001 may not see her.
  const owner = asReferent('ref-007');
  const outsider = asReferent('ref-001');

  it('each caller gets their own answer, however the requests alternate', async () => {
    const variables = { id: idOf('homonyme-rodez') };
    for (const caller of [owner, outsider, outsider, owner, owner, outsider]) {
      const answer = await query<{ usager: { id: string; identite: { nomNaissance: string } } | null }>(federation, fullFileQuery, variables, caller);
      expect(answer.status).toBe(200);
      if (caller === owner) {
        expect(answer.data?.usager?.id).toBe(variables.id);
        expect(answer.data?.usager?.identite.nomNaissance).toBe('Martin');
        expect((answer.errors ?? []).filter((e) => e.extensions?.code === 'ACCES_REFUSE')).toEqual([]);
      } else {
        expect(answer.data).toEqual({ usager: null });
        expect(answer.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['usager'], 'ACCES_REFUSE']]);
        expect(answer.raw).not.toContain('Martin');
      }
      expect(nirsIn(answer.raw)).toEqual([]);
    }
  });

  it('the caller who may not see her reaches no partner, though the identity register answered while the facts were fetched', async () => {
    await query(federation, fullFileQuery, { id: idOf('homonyme-rodez') }, owner);
    federation.simulator.reset();
    const answer = await query(federation, fullFileQuery, { id: idOf('homonyme-rodez') }, outsider);
    expect(answer.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['usager'], 'ACCES_REFUSE']]);
    const stats = federation.simulator.stats();
    // Only the agency's own systems: the identity register (SNGI) and the Département's access facts.
    expect(Object.keys(stats).filter((system) => (stats[system] ?? 0) > 0 && system !== 'sngi' && system !== 'departement')).toEqual([]);
  });

  it('a list naming both callers’ usagers: each sees their own, refused element by element', async () => {
    const ids = [idOf('rsa-isolee'), idOf('homonyme-rodez')];
    const document = 'query($ids: [ID!]!) { usagers(ids: $ids) { id identite { nomNaissance } caf { numeroAllocataire } } }';
    const byOutsider = await query<{ usagers: Array<{ id: string } | null> }>(federation, document, { ids }, outsider);
    const byOwner = await query<{ usagers: Array<{ id: string } | null> }>(federation, document, { ids }, owner);
    const again = await query<{ usagers: Array<{ id: string } | null> }>(federation, document, { ids }, outsider);
    for (const answer of [byOutsider, again]) {
      expect(answer.data?.usagers.map((u) => u?.id ?? null)).toEqual([ids[0], null]);
      expect(answer.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['usagers', 1], 'ACCES_REFUSE']]);
    }
    expect(byOwner.data?.usagers.map((u) => u?.id ?? null)).toEqual([null, ids[1]]);
    expect(byOwner.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['usagers', 0], 'ACCES_REFUSE']]);
  });
});
