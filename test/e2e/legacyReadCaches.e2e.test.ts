import { expect } from '@jest/globals';
import type { RunningFederation } from '@passerelle/dev';
import { gatewayContextHeaders } from '@passerelle/mocks';
import { cacheBypassHeader } from '@passerelle/subgraph-kit';
import { fullFileQuery, usagerFileFields } from '../src/e2e/fullFileQuery';
import { asAccueil, asAgent, asReferent, asUsager, nirsIn, query, startTestFederation, testCodec } from '../src/e2e/testFederation';

/**
 * The legacy read caches on their defaults (subgraphs/kit/src/legacy/legacyReadKind.ts: personal
 * 30 s, reference 5 min, caller-dependent and live never kept), through the whole federation.
 * Calls are counted as differences of the simulator's counters: resetting them would clear the
 * caches (dev/src/startFederation.ts).
 */
let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const snapshot = () => ({ ...federation.simulator.stats() });
/** The systems called since `before`, with their counts. */
const calledSince = (before: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(federation.simulator.stats())
      .map(([system, count]) => [system, count - (before[system] ?? 0)] as const)
      .filter(([, count]) => count > 0),
  );
const idOf = (key: 'rsa-isolee' | 'homonyme-rodez') => testCodec.encode(federation.population.persona(key).nir);

describe('a repeated caseload of 50', () => {
  const caseload = `query { monPortefeuille(referentId: "ref-001", premier: 50) { totalCount edges { node {${usagerFileFields}} } } }`;

  it('reaches no partner system the second time within the TTL: only the Département (caseload, access facts) stays live', async () => {
    federation.simulator.reset();
    const before = snapshot();
    const first = await query<{ monPortefeuille: { edges: unknown[] } }>(federation, caseload, {}, asReferent('ref-001'));
    expect(first.errors).toBeUndefined();
    expect(first.data?.monPortefeuille.edges).toHaveLength(50);
    const cold = calledSince(before);
    for (const system of ['sngi', 'caf', 'msa', 'cpam', 'carsat', 'france-travail', 'departement']) expect([system, (cold[system] ?? 0) > 0]).toEqual([system, true]);

    const middle = snapshot();
    const second = await query<{ monPortefeuille: { edges: unknown[] } }>(federation, caseload, {}, asReferent('ref-001'));
    expect({ data: second.data, errors: second.errors }).toEqual({ data: first.data, errors: undefined });
    const warm = calledSince(middle);
    expect(Object.keys(warm)).toEqual(['departement']);
    expect(nirsIn(second.raw)).toEqual([]);
  });
});

describe('two callers of different rights on the same usager, caches warm', () => {
  const lireNotes = 'query($id: ID!) { usager(id: $id) { id dossierPartage { notes { audience } } } }';
  const avecCaf = 'query($id: ID!) { usager(id: $id) { id caf { numeroAllocataire } dossierPartage { notes { audience } } } }';
  type Notes = { usager: { id: string; caf: unknown; dossierPartage: { notes: Array<{ audience: string }> } | null } | null };

  it('each gets what they may see, as without the cache: the notes of their audiences only, or ACCES_REFUSE', async () => {
    const id = idOf('rsa-isolee');
    // Her file as the simulator seeds it (mocks/src/simulators/departement/personaFiles.ts): one EQUIPE note, one USAGER note.
    const expected = [
      { caller: asReferent('ref-001'), audiences: ['EQUIPE', 'USAGER'] },
      { caller: asUsager(id), audiences: ['USAGER'] },
      { caller: asAgent('departement', 'accompagnement'), audiences: ['EQUIPE', 'USAGER'] },
      { caller: asUsager(id), audiences: ['USAGER'] },
    ];
    for (const { caller, audiences } of [...expected, ...expected]) {
      const answer = await query<Notes>(federation, lireNotes, { id }, caller);
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.usager?.dossierPartage?.notes.map((n) => n.audience)).toEqual(audiences);
    }
    // ref-007 may not see her: refused before any partner is asked, her CAF file warm in the cache.
    const owner = await query<Notes>(federation, avecCaf, { id }, asReferent('ref-001'));
    expect({ caf: owner.data?.usager?.caf, errors: owner.errors }).toEqual({ caf: { numeroAllocataire: expect.any(String) }, errors: undefined });
    const before = snapshot();
    const refused = await query<Notes>(federation, avecCaf, { id }, asReferent('ref-007'));
    expect({ data: refused.data, errors: refused.errors?.map((e) => ({ path: e.path, code: e.extensions?.code })) }).toEqual({
      data: { usager: null },
      errors: [{ path: ['usager'], code: 'ACCES_REFUSE' }],
    });
    expect(Object.keys(calledSince(before)).filter((system) => system !== 'sngi' && system !== 'departement')).toEqual([]);
  });

  it('the owner and an outsider alternate on her file: the outsider never gets it', async () => {
    const id = idOf('homonyme-rodez');
    const document = 'query($id: ID!) { usager(id: $id) { id identite { nomNaissance } caf { numeroAllocataire } hebergement { demandes { reference } } } }';
    for (const referent of ['ref-007', 'ref-001', 'ref-007', 'ref-001']) {
      const answer = await query<{ usager: { id: string } | null }>(federation, document, { id }, asReferent(referent));
      if (referent === 'ref-007') expect(answer.data?.usager?.id).toBe(id);
      else {
        expect({ data: answer.data, codes: answer.errors?.map((e) => [e.path, e.extensions?.code]) }).toEqual({ data: { usager: null }, codes: [[['usager'], 'ACCES_REFUSE']] });
        expect(answer.raw).not.toContain('Martin');
      }
    }
  });
});

describe('read-your-writes', () => {
  it('a sign-up is read back at once: the cached event directory (reference data) is cleared by the write', async () => {
    const evenement = 'EVT-2611-04';
    const places = async () =>
      (
        await query<{ evenementsTiersLieu: Array<{ id: string; placesRestantes: number }> }>(federation, '{ evenementsTiersLieu { id placesRestantes } }', {}, asAccueil())
      ).data!.evenementsTiersLieu.find((e) => e.id === evenement)!.placesRestantes;
    const avant = await places();
    const before = snapshot();
    expect(await places()).toBe(avant);
    expect(calledSince(before)).toEqual({});
    const inscription = await query(
      federation,
      'mutation ($id: ID!, $e: ID!) { inscrireTiersLieu(usagerId: $id, evenementId: $e, cleIdempotence: "e2e-caches-0001") { inscription { statut } } }',
      { id: idOf('rsa-isolee'), e: evenement },
      asAccueil(),
    );
    expect({ data: inscription.data, errors: inscription.errors }).toEqual({ data: { inscrireTiersLieu: { inscription: { statut: 'INSCRITE' } } }, errors: undefined });
    expect(await places()).toBe(avant - 1);
  });
});

describe('the bypass header', () => {
  it('x-passerelle-sans-cache: 1 on a request to a subgraph reaches the system though its answer is cached', async () => {
    const lieux = async (headers: Record<string, string>) => {
      const response = await fetch(`${federation.subgraphs.get('accueil')!.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await gatewayContextHeaders('accueil', { appel: { finalite: 'premier-accueil' } })), ...headers },
        body: JSON.stringify({ query: '{ lieuxAccueil { id } }' }),
      });
      return ((await response.json()) as { data: { lieuxAccueil: Array<{ id: string }> } }).data.lieuxAccueil.length;
    };
    const count = await lieux({});
    const before = snapshot();
    expect(await lieux({})).toBe(count);
    expect(calledSince(before)).toEqual({});
    expect(await lieux({ [cacheBypassHeader]: '1' })).toBe(count);
    expect(calledSince(before)).toEqual({ accueil: 1 });
    expect(await lieux({})).toBe(count);
    expect(calledSince(before)).toEqual({ accueil: 1 });
  });
});

describe('one request’s reads', () => {
  const fresh = { [cacheBypassHeader]: '1' };
  type File = { usager: { id: string; synthese: { alertes: unknown[] } | null; dossierPartage: unknown } | null };

  it('her full file, read afresh, asks the Département once for the shared-file fields and the summary that waits for every partner', async () => {
    const id = idOf('rsa-isolee');
    const before = snapshot();
    const answer = await query<File>(federation, fullFileQuery, { id }, asUsager(id), fresh);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.usager?.synthese?.alertes.length).toBeGreaterThan(0);
    expect(calledSince(before).departement).toBe(1);
    // The next request reads afresh again: nothing of the first is served to it.
    const middle = snapshot();
    expect((await query<File>(federation, fullFileQuery, { id }, asUsager(id), fresh)).data).toEqual(answer.data);
    expect(calledSince(middle).departement).toBe(1);
  });

  it('her référent’s: the gateway’s access facts and the plan’s Département fields share that one read', async () => {
    const id = idOf('rsa-isolee');
    const before = snapshot();
    const answer = await query<File>(federation, fullFileQuery, { id }, asReferent('ref-001'), fresh);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.usager?.dossierPartage).not.toBeNull();
    expect(calledSince(before).departement).toBe(1);
  });
});
