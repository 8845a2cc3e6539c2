import { expect } from '@jest/globals';
import { createPopulation, expectLegacyError, keyRefusalCases, keyRefused, legacySystem, postLegacy, testUrlOf, useLegacyTestServer } from '../src/index';

const population = createPopulation({ size: 50, seed: 7 });
const accueil = legacySystem('accueil');
const simulated = useLegacyTestServer(population, ['accueil']);

const getLegacy = (path: string, headers: Record<string, string> = { [accueil.apiKeyHeader]: accueil.devApiKey }) => fetch(`${testUrlOf('accueil')}${path}`, { headers });
const orienter = (body: unknown, cle?: string, headers?: Record<string, string>) =>
  postLegacy('accueil', '/orientations/v1/orientations', body, headers ?? { [accueil.apiKeyHeader]: accueil.devApiKey, ...(cle === undefined ? {} : { 'Idempotency-Key': cle }) });
const rechercher = (body: unknown) => postLegacy('accueil', '/orientations/v1/orientations/recherche', body);
const orientationsDe = async (...nirs: string[]) => ((await (await rechercher({ liste_nir: nirs })).json()) as { orientations: Array<Record<string, unknown>> }).orientations;

const nirOf = (key: Parameters<typeof population.persona>[0]) => population.persona(key).nir;
const demande = (nir: string, overrides: Record<string, unknown> = {}) => ({
  nir,
  type_cible: 'PART',
  code_cible: 'CAF',
  code_motif: 'DRT',
  motif_libre: 'Renouvellement RSA',
  auteur: 'agent-042',
  ...overrides,
});

// Only Date is faked (to date the referrals); msw's timers and promises run for real.
beforeAll(() => {
  jest.useFakeTimers({
    now: new Date('2026-11-12T23:30:00Z'),
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
  });
});
afterAll(() => jest.useRealTimers());

describe("accueil simulator (the Département's reception network)", () => {
  it('is registered with its conventions', () => {
    expect(accueil).toMatchObject({ name: 'accueil', prefix: '/accueil', apiKeyHeader: 'X-CD12-Cle', devApiKey: 'dev-accueil-6d2f90', maxBatchSize: 50 });
  });

  it.each(keyRefusalCases('accueil', 'X-Api-Key'))('refuses a call %s with 401, reads and writes alike', async (_case, headers) => {
    await expectLegacyError(await getLegacy('/annuaire/v1/lieux', headers), 401, keyRefused);
    await expectLegacyError(await getLegacy('/annuaire/v1/evenements', headers), 401, keyRefused);
    await expectLegacyError(await orienter(demande(nirOf('rsa-isolee')), undefined, headers), 401, keyRefused);
    await expectLegacyError(await postLegacy('accueil', '/orientations/v1/orientations/recherche', { liste_nir: [nirOf('rsa-isolee')] }, headers), 401, keyRefused);
    expect(await orientationsDe(nirOf('rsa-isolee'))).toEqual([]);
  });

  describe('directory', () => {
    it('lists the six places of the network, each with hours, services and permanences', async () => {
      const body = (await (await getLegacy('/annuaire/v1/lieux')).json()) as { nb_lieux: number; lieux: Array<{ code_lieu: string; adresse: { code_insee: string } }> };
      expect(body.nb_lieux).toBe(6);
      expect(body.lieux.map((l) => `${l.code_lieu}@${l.adresse.code_insee}`)).toEqual(['MDS-RODEZ@12202', 'CCAS-RODEZ@12202', 'CCAS-ONET@12176', 'FS-RODEZ@12202', 'FS-LUC@12133', 'TLS-RODEZ@12202']);
    });

    it('returns a place in its legacy format', async () => {
      const body = (await (await getLegacy('/annuaire/v1/lieux')).json()) as { lieux: Array<{ code_lieu: string }> };
      expect(body.lieux.find((l) => l.code_lieu === 'CCAS-ONET')).toEqual({
        code_lieu: 'CCAS-ONET',
        libelle: "CCAS d'Onet-le-Château",
        type_lieu: 'CCAS',
        adresse: { voie: '7 rue des Genêts', code_postal: '12850', commune: 'Onet-le-Château', code_insee: '12176' },
        telephone: '01 99 00 12 03',
        horaires: [1, 2, 3, 4, 5].map((jour) => ({ jour, ouverture: '0830', fermeture: '1230' })),
        services: ['ACC_GEN', 'DOMICILIATION', 'ACC_SOCIAL'],
        permanences: [{ code_partenaire: 'CAF', jour: 4, debut: '1400', fin: '1600', periodicite: 'Q', sur_rdv: 'O' }],
      });
    });

    it('serves the tiers-lieu events between two days, both included, in order', async () => {
      const body = (await (await getLegacy('/annuaire/v1/evenements?date_debut=20261110&date_fin=20261125')).json()) as { nb_evenements: number; evenements: Array<Record<string, unknown>> };
      expect(body.evenements.map((e) => e.id_evenement)).toEqual(['EVT-2611-02', 'EVT-2611-03', 'EVT-2611-04']);
      expect(body.nb_evenements).toBe(3);
      expect(body.evenements[0]).toEqual({
        id_evenement: 'EVT-2611-02',
        code_lieu: 'TLS-RODEZ',
        date_evt: '20261110',
        heure_debut: '0930',
        heure_fin: '1130',
        titre: 'Petit-déjeuner emploi',
        code_partenaire: 'FT',
        places_total: 20,
        places_restantes: 0,
      });
      const all = (await (await getLegacy('/annuaire/v1/evenements')).json()) as { nb_evenements: number };
      // The year of past events (three a month, November 2025 to October 2026), then the six to come.
      expect(all.nb_evenements).toBe(36 + 6);
    });

    it.each(['2026-11-10', '20261310', 'demain'])('answers 400 to the date %s', async (date) => {
      await expectLegacyError(await getLegacy(`/annuaire/v1/evenements?date_fin=${date}`), 400, { code_erreur: 'REQUETE_INVALIDE', libelle: 'Paramètre invalide : date_fin' });
    });
  });

  describe('referral lifecycle', () => {
    const headers = (cle?: string) => ({ [accueil.apiKeyHeader]: accueil.devApiKey, ...(cle === undefined ? {} : { 'Idempotency-Key': cle }) });
    const transition = (id: string, body: unknown, cle?: string) => postLegacy('accueil', `/orientations/v1/orientations/${id}/transitions`, body, headers(cle));
    const creer = async (overrides: Record<string, unknown>) =>
      ((await (await orienter(demande(nirOf('rsa-isolee'), overrides))).json()) as { orientation: { id_orientation: string } }).orientation.id_orientation;
    const lire = async (id: string) => ((await (await getLegacy(`/orientations/v1/orientations/${id}`)).json()) as { orientation: Record<string, unknown> }).orientation;

    it('accepts then closes a referral, each step dated and authored, and refuses an illegal change, changing nothing', async () => {
      const id = await creer({ code_cible: 'FT', code_motif: 'EMP' });
      const acceptee = await transition(id, { nouveau_statut: 'ACC', motif_refus: null, auteur: 'agent FT' });
      expect(acceptee.status).toBe(200);
      expect(await acceptee.json()).toEqual({ orientation: expect.objectContaining({ statut: 'ACC', motif_refus: null }) });
      const refus = await transition(id, { nouveau_statut: 'REF', motif_refus: 'Hors compétence', auteur: 'agent FT' });
      await expectLegacyError(refus, 409, { code_erreur: 'TRANSITION_INTERDITE', libelle: 'Changement de statut impossible depuis le statut actuel' });
      expect((await transition(id, { nouveau_statut: 'REA', motif_refus: null, auteur: 'agent FT' })).status).toBe(200);
      expect(await lire(id)).toEqual(
        expect.objectContaining({
          statut: 'REA',
          etapes: [
            { statut: 'PRO', date_etape: '20261113', auteur: 'agent-042' },
            { statut: 'ACC', date_etape: '20261113', auteur: 'agent FT' },
            { statut: 'REA', date_etape: '20261113', auteur: 'agent FT' },
          ],
        }),
      );
    });

    it('refuses with a reason only, replays a retry with the same key, and answers 404 for an unknown referral', async () => {
      const id = await creer({ code_cible: 'CAF' });
      await expectLegacyError(await transition(id, { nouveau_statut: 'REF', motif_refus: null, auteur: 'agent CAF' }), 400, {
        code_erreur: 'REQUETE_INVALIDE',
        libelle: 'Champ invalide : motif_refus',
      });
      const body = { nouveau_statut: 'REF', motif_refus: 'Pas allocataire', auteur: 'agent CAF' };
      const first = await transition(id, body, 'cle-refus-0001');
      const retry = await transition(id, body, 'cle-refus-0001');
      expect(retry.headers.get('Idempotency-Replayed')).toBe('true');
      expect(await retry.json()).toEqual(await first.json());
      expect(await lire(id)).toEqual(expect.objectContaining({ statut: 'REF', motif_refus: 'Pas allocataire' }));
      await expectLegacyError(await transition(id, { ...body, motif_refus: 'Autre' }, 'cle-refus-0001'), 409, {
        code_erreur: 'CLE_IDEMPOTENCE_REUTILISEE',
        libelle: "Clé d'idempotence déjà utilisée pour une autre demande",
      });
      await expectLegacyError(await transition('ORI-999999', body), 404, { code_erreur: 'ORIENTATION_INCONNUE', libelle: 'Orientation inconnue' });
    });

    it('pages the referrals addressed to one target, by status', async () => {
      const ids = [await creer({ type_cible: 'PASS', code_cible: 'region', code_motif: 'EMP' }), await creer({ type_cible: 'PASS', code_cible: 'region', code_motif: 'EMP' })];
      await creer({ type_cible: 'PASS', code_cible: 'chambres-consulaires', code_motif: 'EMP' });
      const page = async (query: string) =>
        (await (await getLegacy(`/orientations/v1/orientations?${query}`)).json()) as { nb_total: number; nb_apres: number; orientations: Array<{ id_orientation: string }> };
      const premiere = await page('type_cible=PASS&code_cible=region&nb=1');
      expect([premiere.nb_total, premiere.nb_apres, premiere.orientations.map((o) => o.id_orientation)]).toEqual([2, 2, [ids[0]]]);
      const suite = await page(`type_cible=PASS&code_cible=region&nb=1&apres=${ids[0]}`);
      expect([suite.nb_total, suite.nb_apres, suite.orientations.map((o) => o.id_orientation)]).toEqual([2, 1, [ids[1]]]);
      expect((await page('type_cible=PASS&code_cible=region&statut=ACC')).nb_total).toBe(0);
      await expectLegacyError(await getLegacy('/orientations/v1/orientations?type_cible=XX&code_cible=region'), 400, { code_erreur: 'REQUETE_INVALIDE', libelle: 'Paramètre invalide : type_cible' });
    });
  });

  describe('referrals', () => {
    it("records a referral, dated in Rodez's time zone, and finds it back by NIR", async () => {
      const nir = nirOf('demandeur-emploi');
      const response = await orienter(demande(nir, { type_cible: 'LIEU', code_cible: 'TLS-RODEZ', code_motif: 'EMP', motif_libre: null }));
      expect(response.status).toBe(201);
      expect(response.headers.get('Idempotency-Replayed')).toBeNull();
      const { orientation } = (await response.json()) as { orientation: Record<string, unknown> };
      // 23:30 UTC on the 12th is already the 13th in Rodez.
      expect(orientation).toEqual({
        id_orientation: expect.stringMatching(/^ORI-\d{6}$/),
        nir,
        type_cible: 'LIEU',
        code_cible: 'TLS-RODEZ',
        code_motif: 'EMP',
        motif_libre: null,
        auteur: 'agent-042',
        date_orientation: '20261113',
        statut: 'PRO',
        motif_refus: null,
        etapes: [{ statut: 'PRO', date_etape: '20261113', auteur: 'agent-042' }],
      });
      expect(await orientationsDe(nir)).toEqual([orientation]);
    });

    it('answers a retry with the same key and body with the first answer, marked as a replay, and records one referral', async () => {
      const nir = nirOf('sans-domicile');
      const first = await orienter(demande(nir, { code_cible: 'SIAO', code_motif: 'HEB' }), 'cle-retry-0001');
      const retry = await orienter(demande(nir, { code_cible: 'SIAO', code_motif: 'HEB' }), 'cle-retry-0001');
      expect(retry.status).toBe(201);
      expect(retry.headers.get('Idempotency-Replayed')).toBe('true');
      const firstBody = await first.json();
      expect(await retry.json()).toEqual(firstBody);
      expect(await orientationsDe(nir)).toEqual([(firstBody as { orientation: unknown }).orientation]);
    });

    it('records one referral for two concurrent calls with the same key', async () => {
      const nir = nirOf('retraite-aspa');
      const answers = await Promise.all([1, 2, 3].map(() => orienter(demande(nir, { code_cible: 'CARSAT', code_motif: 'RET' }), 'cle-concurrente-01')));
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
      expect(answers.filter((a) => a.headers.get('Idempotency-Replayed') === 'true')).toHaveLength(2);
      expect(await orientationsDe(nir)).toHaveLength(1);
    });

    it('refuses the same key with another body with 409 and records nothing more', async () => {
      const nir = nirOf('ne-en-corse');
      expect((await orienter(demande(nir), 'cle-conflit-0001')).status).toBe(201);
      const conflict = await orienter(demande(nir, { motif_libre: 'autre chose' }), 'cle-conflit-0001');
      await expectLegacyError(conflict, 409, { code_erreur: 'CLE_IDEMPOTENCE_REUTILISEE', libelle: "Clé d'idempotence déjà utilisée pour une autre demande" });
      expect(await orientationsDe(nir)).toHaveLength(1);
    });

    it('records two referrals for the same body without a key', async () => {
      const nir = nirOf('nom-usage');
      await orienter(demande(nir));
      await orienter(demande(nir));
      expect((await orientationsDe(nir)).map((o) => o.code_cible)).toEqual(['CAF', 'CAF']);
    });

    it('refuses an unknown place with 422 and records nothing', async () => {
      const nir = nirOf('couple-parent-1');
      await expectLegacyError(await orienter(demande(nir, { type_cible: 'LIEU', code_cible: 'MDS-MILLAU' }), 'cle-lieu-inconnu'), 422, {
        code_erreur: 'LIEU_INCONNU',
        libelle: "Lieu inconnu de l'annuaire",
      });
      expect(await orientationsDe(nir)).toEqual([]);
    });

    it.each([
      ['unreadable JSON', '{', 'Corps JSON illisible'],
      ['a partner code that does not exist', demande('286041220200135', { code_cible: 'POLE_EMPLOI' }), 'Champ invalide : code_cible'],
      ['an unknown reason code', demande('286041220200135', { code_motif: 'XYZ' }), 'Champ invalide : code_motif'],
      ['a malformed NIR', demande('2860412'), 'Champ invalide : nir'],
      ['a free text over 500 characters', demande('286041220200135', { motif_libre: 'x'.repeat(501) }), 'Champ invalide : motif_libre'],
      ['no author', demande('286041220200135', { auteur: '' }), 'Champ invalide : auteur'],
    ])('answers 400 to %s', async (_case, body, libelle) => {
      await expectLegacyError(await orienter(body), 400, { code_erreur: 'REQUETE_INVALIDE', libelle });
    });

    it('answers 400 to an idempotency key with spaces', async () => {
      await expectLegacyError(await orienter(demande('286041220200135'), 'une clé'), 400, { code_erreur: 'CLE_IDEMPOTENCE_INVALIDE', libelle: 'En-tête Idempotency-Key invalide' });
    });

    it('searches 50 NIRs at once and refuses 51 with 413', async () => {
      const nirs = population.personnes.slice(0, 51).map((p) => p.nir);
      expect((await rechercher({ liste_nir: nirs.slice(0, 50) })).status).toBe(200);
      await expectLegacyError(await rechercher({ liste_nir: nirs }), 413, { code_erreur: 'LOT_TROP_GRAND', libelle: 'Au plus 50 NIR par appel' });
    });

    it("keeps each simulator instance's referrals to itself", async () => {
      const nir = nirOf('exploitant-agricole');
      const otherBase = 'https://accueil-bis.legacy.test';
      simulated.legacy.use(...accueil.handlers(otherBase, population));
      await orienter(demande(nir, { code_cible: 'MSA' }));
      const other = await fetch(`${otherBase}/orientations/v1/orientations/recherche`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [accueil.apiKeyHeader]: accueil.devApiKey },
        body: JSON.stringify({ liste_nir: [nir] }),
      });
      expect(await other.json()).toEqual({ nb_orientations: 0, orientations: [] });
      expect(await orientationsDe(nir)).toHaveLength(1);
    });
  });
});
