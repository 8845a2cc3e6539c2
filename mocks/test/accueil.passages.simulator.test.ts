import { expect } from '@jest/globals';
import { createPopulation, expectLegacyError, keyRefusalCases, keyRefused, legacySystem, postLegacy, useLegacyTestServer } from '../src/index';

const population = createPopulation({ size: 50, seed: 7 });
const accueil = legacySystem('accueil');
useLegacyTestServer(population, ['accueil']);

const cles = (cle?: string) => ({ [accueil.apiKeyHeader]: accueil.devApiKey, ...(cle === undefined ? {} : { 'Idempotency-Key': cle }) });
const passer = (body: unknown, cle?: string) => postLegacy('accueil', '/passages/v1/passages', body, cles(cle));
const orienter = (nir: string) =>
  postLegacy('accueil', '/orientations/v1/orientations', { nir, type_cible: 'PASS', code_cible: 'france-travail', code_motif: 'EMP', motif_libre: null, auteur: 'accueil CD12' }, cles());
const inscrire = (evt: string, nir: string) => postLegacy('accueil', `/tierslieu/v1/evenements/${evt}/inscriptions`, { nir, auteur: 'accueil CD12' }, cles());
const presence = (evt: string, nir: string) => postLegacy('accueil', `/tierslieu/v1/evenements/${evt}/presences`, { nir, present: true, auteur: 'accueil CD12' }, cles());
const rapprocher = (body: unknown, headers: Record<string, string> = cles()) => postLegacy('accueil', '/rapprochements/v1/rapprochements', body, headers);
const rechercher = async <T>(path: string, liste: string, ...nirs: string[]) => ((await (await postLegacy('accueil', path, { liste_nir: nirs }, cles())).json()) as Record<string, T[]>)[liste] ?? [];
const passagesDe = (...nirs: string[]) => rechercher<Record<string, unknown>>('/passages/v1/passages/recherche', 'passages', ...nirs);
const orientationsDe = (...nirs: string[]) => rechercher<Record<string, unknown>>('/orientations/v1/orientations/recherche', 'orientations', ...nirs);
const inscriptionsDe = (...nirs: string[]) => rechercher<Record<string, unknown>>('/tierslieu/v1/inscriptions/recherche', 'inscriptions', ...nirs);
const tout = async (nir: string) => ({ orientations: await orientationsDe(nir), inscriptions: await inscriptionsDe(nir), passages: await passagesDe(nir) });

const nirs = [...population.personneParNir.keys()];
const [nirA, nirB, nirC, nirD] = nirs as [string, string, string, string];
const passage = (nir: string, overrides: Record<string, unknown> = {}) => ({ nir, code_lieu: 'CCAS-RODEZ', date_passage: null, code_motif: 'DOMICILIATION', auteur: 'accueil CD12', ...overrides });
const invalide = (champ: string) => ({ code_erreur: 'REQUETE_INVALIDE', libelle: `Champ invalide : ${champ}` });

// Only Date is faked (to date the passages); msw's timers run for real. 23:30 UTC on the 12th is the 13th in Rodez.
beforeAll(() => {
  jest.useFakeTimers({
    now: new Date('2026-11-12T23:30:00Z'),
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
  });
});
afterAll(() => jest.useRealTimers());

describe('accueil simulator: reception passages', () => {
  it("records a passage dated today in Rodez's time zone, and one typed in later with its own day; finds them oldest visit first", async () => {
    const response = await passer(passage(nirA), 'cle-passage-0001');
    expect(response.status).toBe(201);
    const { passage: aujourdhui } = (await response.json()) as { passage: Record<string, unknown> };
    expect(aujourdhui).toEqual({
      id_passage: expect.stringMatching(/^PAS-\d{6}$/),
      nir: nirA,
      code_lieu: 'CCAS-RODEZ',
      date_passage: '20261113',
      code_motif: 'DOMICILIATION',
      auteur: 'accueil CD12',
      date_saisie: '20261113',
    });
    const plusTot = (await (await passer(passage(nirA, { code_lieu: 'FS-LUC', date_passage: '20261020', code_motif: 'NUMERIQUE' }))).json()) as { passage: Record<string, unknown> };
    expect(plusTot.passage).toMatchObject({ date_passage: '20261020', date_saisie: '20261113' });
    expect(await passagesDe(nirA, nirB)).toEqual([plusTot.passage, aujourdhui]);
  });

  it('answers a retry with the same key and body with the first answer, and refuses the key for another body, recording nothing more', async () => {
    const first = await passer(passage(nirB), 'cle-passage-0002');
    const retry = await passer(passage(nirB), 'cle-passage-0002');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('Idempotency-Replayed')).toBe('true');
    expect(await retry.json()).toEqual(await first.json());
    await expectLegacyError(await passer(passage(nirB, { code_motif: 'ALIMENTAIRE' }), 'cle-passage-0002'), 409, {
      code_erreur: 'CLE_IDEMPOTENCE_REUTILISEE',
      libelle: "Clé d'idempotence déjà utilisée pour une autre demande",
    });
    expect(await passagesDe(nirB)).toHaveLength(1);
  });

  it('refuses an unknown place and a day after today with 422, recording nothing', async () => {
    await expectLegacyError(await passer(passage(nirC, { code_lieu: 'MDS-MILLAU' })), 422, { code_erreur: 'LIEU_INCONNU', libelle: "Lieu inconnu de l'annuaire" });
    await expectLegacyError(await passer(passage(nirC, { date_passage: '20261114' })), 422, { code_erreur: 'DATE_FUTURE', libelle: 'Date de passage postérieure à ce jour' });
    expect(await passagesDe(nirC)).toEqual([]);
  });

  it.each([
    ['a day that does not exist', passage('286041220200135', { date_passage: '20260231' }), 'date_passage'],
    ['an ISO day', passage('286041220200135', { date_passage: '2026-11-01' }), 'date_passage'],
    ['a reason that is no service code', passage('286041220200135', { code_motif: 'EMP' }), 'code_motif'],
    ['free text', passage('286041220200135', { code_motif: 'Demande de colis' }), 'code_motif'],
    ['a malformed key', passage('PRV12345'), 'nir'],
    ['no author', passage('286041220200135', { auteur: '' }), 'auteur'],
  ])('answers 400 to %s', async (_case, body, champ) => {
    await expectLegacyError(await passer(body), 400, invalide(champ));
  });

  it('searches 50 people at once and refuses 51 with 413', async () => {
    expect((await postLegacy('accueil', '/passages/v1/passages/recherche', { liste_nir: nirs.slice(0, 50) }, cles())).status).toBe(200);
    const trop = [...nirs.slice(0, 50), 'PRV000000000001'];
    await expectLegacyError(await postLegacy('accueil', '/passages/v1/passages/recherche', { liste_nir: trop }, cles()), 413, { code_erreur: 'LOT_TROP_GRAND', libelle: 'Au plus 50 NIR par appel' });
  });

  it.each(keyRefusalCases('accueil', 'X-Api-Key'))('refuses a call %s with 401, recording nothing', async (_case, headers) => {
    await expectLegacyError(await postLegacy('accueil', '/passages/v1/passages', passage(nirD), headers), 401, keyRefused);
    await expectLegacyError(await postLegacy('accueil', '/passages/v1/passages/recherche', { liste_nir: [nirD] }, headers), 401, keyRefused);
    expect(await passagesDe(nirD)).toEqual([]);
  });
});

describe('accueil simulator: provisional keys and their reconciliation with a NIR', () => {
  const prv = (n: number) => `PRV${String(n).padStart(12, '0')}`;

  it('records referrals, sign-ups and passages under a provisional key', async () => {
    expect((await orienter(prv(1))).status).toBe(201);
    expect((await inscrire('EVT-2611-03', prv(1))).status).toBe(201);
    expect((await passer(passage(prv(1)))).status).toBe(201);
    const sous = await tout(prv(1));
    expect([sous.orientations.length, sous.inscriptions.length, sous.passages.length]).toEqual([1, 1, 1]);
    expect([...sous.orientations, ...sous.inscriptions, ...sous.passages].map((r) => r.nir)).toEqual([prv(1), prv(1), prv(1)]);
  });

  it('moves everything to the NIR, keeping ids, and answers how many records moved; nothing is left under the provisional key', async () => {
    const nir = nirs[10]!;
    const avant = await tout(prv(1));
    const response = await rapprocher({ cle_provisoire: prv(1), nir });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ deplaces: 3 });
    expect(await tout(prv(1))).toEqual({ orientations: [], inscriptions: [], passages: [] });
    expect(await tout(nir)).toEqual({
      orientations: avant.orientations.map((o) => ({ ...o, nir })),
      inscriptions: avant.inscriptions.map((i) => ({ ...i, nir })),
      passages: avant.passages.map((p) => ({ ...p, nir })),
    });
  });

  it('is idempotent: the same notice again moves nothing and answers 0', async () => {
    const nir = nirs[10]!;
    const avant = await tout(nir);
    const again = await rapprocher({ cle_provisoire: prv(1), nir });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ deplaces: 0 });
    expect(await tout(nir)).toEqual(avant);
  });

  it("merges into the NIR's own records, oldest first, keeping one seat when both keys held one at the same event", async () => {
    const nir = nirs[11]!;
    expect((await orienter(nir)).status).toBe(201);
    expect((await passer(passage(nir, { date_passage: '20261105' }))).status).toBe(201);
    expect((await inscrire('EVT-2611-01', nir)).status).toBe(201);
    expect((await orienter(prv(2))).status).toBe(201);
    expect((await passer(passage(prv(2), { date_passage: '20261101', code_lieu: 'MDS-RODEZ' }))).status).toBe(201);
    expect((await inscrire('EVT-2611-01', prv(2))).status).toBe(201);
    expect((await presence('EVT-2611-01', prv(2))).status).toBe(200);
    expect((await inscrire('EVT-2611-03', prv(2))).status).toBe(201);

    // Four records were under the provisional key: the duplicate seat counts as moved (merged).
    expect(await (await rapprocher({ cle_provisoire: prv(2), nir })).json()).toEqual({ deplaces: 4 });
    const apres = await tout(nir);
    expect(apres.orientations.map((o) => o.nir)).toEqual([nir, nir]);
    // The visit of 1 November, under the provisional key, was the first contact: it comes first.
    expect(apres.passages.map((p) => [p.date_passage, p.code_lieu])).toEqual([
      ['20261101', 'MDS-RODEZ'],
      ['20261105', 'CCAS-RODEZ'],
    ]);
    // One seat at EVT-2611-01 (the NIR's, older, with the attendance recorded under the other key), and the other event's.
    expect(apres.inscriptions.map((i) => [i.id_evenement, i.statut, i.presence])).toEqual([
      ['EVT-2611-01', 'INS', 'P'],
      ['EVT-2611-03', 'INS', null],
    ]);
    expect(await tout(prv(2))).toEqual({ orientations: [], inscriptions: [], passages: [] });
  });

  it('is atomic: a read alongside the reconciliation finds every record under one key, never split', async () => {
    const nir = nirs[12]!;
    for (const jour of ['20261101', '20261102', '20261103']) expect((await passer(passage(prv(3), { date_passage: jour }))).status).toBe(201);
    const [, lus] = await Promise.all([rapprocher({ cle_provisoire: prv(3), nir }), passagesDe(prv(3), nir)]);
    expect(lus).toHaveLength(3);
    expect(new Set(lus.map((p) => p.nir)).size).toBe(1);
    expect((await passagesDe(nir)).map((p) => p.date_passage)).toEqual(['20261101', '20261102', '20261103']);
  });

  it.each([
    ['unreadable JSON', '{', { code_erreur: 'REQUETE_INVALIDE', libelle: 'Corps JSON illisible' }],
    ['no provisional key', { nir: nirA }, invalide('cle_provisoire')],
    ['a NIR as provisional key', { cle_provisoire: nirA, nir: nirB }, invalide('cle_provisoire')],
    ['a provisional key as NIR', { cle_provisoire: 'PRV000000000004', nir: 'PRV000000000005' }, invalide('nir')],
    ['a malformed NIR', { cle_provisoire: 'PRV000000000004', nir: '2860412' }, invalide('nir')],
  ])('answers 400 to %s, moving nothing', async (_case, body, erreur) => {
    expect((await passer(passage('PRV000000000004'))).status).toBe(201);
    const avant = await passagesDe('PRV000000000004');
    await expectLegacyError(await rapprocher(body), 400, erreur);
    expect(await passagesDe('PRV000000000004')).toEqual(avant);
  });

  it.each(keyRefusalCases('accueil', 'X-Api-Key'))('refuses a notice %s with 401, moving nothing', async (_case, headers) => {
    expect((await passer(passage(prv(6)))).status).toBe(201);
    const avant = await passagesDe(prv(6));
    await expectLegacyError(await rapprocher({ cle_provisoire: prv(6), nir: nirs[13]! }, headers), 401, keyRefused);
    expect(await passagesDe(prv(6))).toEqual(avant);
    expect(await passagesDe(nirs[13]!)).toEqual([]);
  });
});
