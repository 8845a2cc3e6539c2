import { expect } from '@jest/globals';
import { createPopulation, historiqueAccueil, legacySystem, postGraphQL, postLegacy, queryEntities, testUrlOf, useSubgraphTestBed, type TestAppel } from '@passerelle/mocks';
import { createUsagerIdCodec, silentLogger } from '@passerelle/subgraph-kit';
import { http, HttpResponse } from 'msw';
import { accueilEnv, createServer, loadAccueilConfig } from '../src/index';

const base = testUrlOf('accueil');
const population = createPopulation({ size: 300, seed: 7 });
const bed = useSubgraphTestBed({
  population,
  systems: ['accueil'],
  start: () => createServer(loadAccueilConfig({ ACCUEIL_PORT: '0', ACCUEIL_LEGACY_URL: base, ACCUEIL_LEGACY_API_KEY: legacySystem('accueil').devApiKey }), silentLogger),
});

const ids = createUsagerIdCodec(accueilEnv.usagerIdSecret.default);
// Generated people the reception system's history (historiqueAccueil) leaves alone: no passage but the tests'.
const dejaVenus = new Set(historiqueAccueil(population).passages.map((p) => p.nir));
const nirs = population.personnes.filter((p) => !p.ref.startsWith('persona:') && !dejaVenus.has(p.nir)).map((p) => p.nir);
const [nirA, nirB, nirC, nirD] = nirs as [string, string, string, string];
const calls = () => bed.calls('accueil').count();
const accueilCd12: TestAppel = {
  caller: { subject: 'agent-accueil-1', kind: 'agent', roles: ['accueil'], organisation: 'CD12', partenaire: null, referentId: null, usagerId: null },
  finalite: 'premier-accueil',
};
const referent: TestAppel = {
  caller: { subject: 'agent-ref-1', kind: 'agent', roles: ['referent'], organisation: 'CD12', partenaire: null, referentId: 'ref-001', usagerId: null },
  finalite: 'accompagnement',
};
const franceTravail: TestAppel = {
  caller: { subject: 'agent-ft-1', kind: 'agent', roles: ['agent'], organisation: 'FRANCE-TRAVAIL', partenaire: 'france-travail', referentId: null, usagerId: null },
  finalite: 'accompagnement',
};
const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, appel: TestAppel = accueilCd12) => postGraphQL<T>(bed.server, query, variables, { appel });

const passer = `mutation($u: ID!, $lieu: ID!, $motif: ServiceAccueil!, $date: String, $cle: String) {
  enregistrerPassage(usagerId: $u, lieuId: $lieu, motif: $motif, date: $date, cleIdempotence: $cle) { rejoue passage { id date motif auteur lieu { id nom } } }
}`;
type PasserAnswer = { enregistrerPassage: { rejoue: boolean; passage: { id: string; date: string } } | null };
const passagesDe = async (...keys: string[]) =>
  (
    await queryEntities<{ passagesAccueil: Array<Record<string, unknown>> }>(
      bed.server,
      keys.map((nir) => ({ nir })),
      'passagesAccueil { id date motif lieu { id } }',
    )
  ).data?._entities.map((e) => e?.passagesAccueil);
const refus = (path: string, message: string, extensions: Record<string, unknown>) => ({ data: { [path]: null }, errors: [{ message, locations: expect.any(Array), path: [path], extensions }] });

// Only Date is faked (to date the passages); msw's and the server's timers run for real.
beforeAll(() => {
  jest.useFakeTimers({
    now: new Date('2026-11-12T10:00:00Z'),
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
  });
});
afterAll(() => jest.useRealTimers());

describe('accueil subgraph: reception passages', () => {
  it('records a passage dated today, authored by the caller, replays a retry, and reads the passages back oldest first', async () => {
    const variables = { u: ids.encode(nirA), lieu: 'CCAS-RODEZ', motif: 'DOMICILIATION', cle: 'passage-A-0001' };
    const first = await gql<PasserAnswer>(passer, variables);
    const passage = {
      id: expect.stringMatching(/^PAS-\d{6}$/),
      date: '2026-11-12',
      motif: 'DOMICILIATION',
      auteur: 'accueil CD12',
      lieu: { id: 'CCAS-RODEZ', nom: expect.any(String) },
    };
    expect(first).toEqual({ data: { enregistrerPassage: { rejoue: false, passage } } });
    const retry = await gql<PasserAnswer>(passer, variables);
    expect(retry).toEqual({ data: { enregistrerPassage: { rejoue: true, passage: first.data?.enregistrerPassage?.passage } } });
    // Typed in later: an earlier visit, which is the first contact.
    const earlier = await gql<PasserAnswer>(passer, { u: ids.encode(nirA), lieu: 'FS-LUC', motif: 'AIDE_NUMERIQUE', date: '2026-10-20' }, referent);
    expect(earlier.errors).toBeUndefined();
    expect(earlier.data?.enregistrerPassage?.passage).toMatchObject({ date: '2026-10-20', auteur: 'référent ref-001 (CD12)' });
    expect(await passagesDe(nirA)).toEqual([
      [
        { id: earlier.data?.enregistrerPassage?.passage.id, date: '2026-10-20', motif: 'AIDE_NUMERIQUE', lieu: { id: 'FS-LUC' } },
        { id: first.data?.enregistrerPassage?.passage.id, date: '2026-11-12', motif: 'DOMICILIATION', lieu: { id: 'CCAS-RODEZ' } },
      ],
    ]);
  });

  it.each([
    ['a forged usager id', { u: 'u_forged' }, 'IDENTIFIANT_USAGER_INVALIDE', 'usagerId', 'This usager id was not issued by Passerelle.'],
    ['a malformed place id', { lieu: 'ccas rodez' }, 'OBJET_INTROUVABLE', 'lieuId', 'No reception place has this id.'],
    ['a date that is not ISO', { date: '12/11/2026' }, 'ARGUMENT_INVALIDE', 'date', 'date must be a date written YYYY-MM-DD.'],
    ['a day that does not exist', { date: '2026-02-30' }, 'ARGUMENT_INVALIDE', 'date', 'date must be a date written YYYY-MM-DD.'],
    ['tomorrow', { date: '2026-11-13' }, 'ARGUMENT_INVALIDE', 'date', 'date must not be after today.'],
    ['a malformed idempotency key', { cle: 'court' }, 'ARGUMENT_INVALIDE', 'cleIdempotence', 'cleIdempotence must be 8 to 64 letters, digits, - or _.'],
  ])('refuses %s without a legacy call', async (_case, overrides, code, argument, message) => {
    const result = await gql(passer, { u: ids.encode(nirB), lieu: 'MDS-RODEZ', motif: 'ACCUEIL_GENERAL', ...overrides });
    expect(result).toEqual(refus('enregistrerPassage', message, { code, argument, retryable: false }));
    expect(calls()).toBe(0);
  });

  it('refuses an anonymous caller with NON_AUTHENTIFIE, without a legacy call', async () => {
    const result = await gql(passer, { u: ids.encode(nirB), lieu: 'MDS-RODEZ', motif: 'ACCUEIL_GENERAL' }, {});
    expect(result).toEqual(refus('enregistrerPassage', 'This write needs an identified caller: its author is the caller.', { code: 'NON_AUTHENTIFIE', partenaire: 'accueil', retryable: false }));
    expect(calls()).toBe(0);
  });

  it('refuses a place the directory does not have with OBJET_INTROUVABLE, and a reused key with CONFLIT_IDEMPOTENCE; nothing is recorded', async () => {
    const unknown = await gql(passer, { u: ids.encode(nirB), lieu: 'MDS-MILLAU', motif: 'ACCUEIL_GENERAL' });
    expect(unknown).toEqual(refus('enregistrerPassage', 'No reception place has this id.', { code: 'OBJET_INTROUVABLE', argument: 'lieuId', retryable: false }));
    expect((await gql(passer, { u: ids.encode(nirB), lieu: 'MDS-RODEZ', motif: 'LOGEMENT', cle: 'passage-B-0001' })).errors).toBeUndefined();
    const conflict = await gql(passer, { u: ids.encode(nirB), lieu: 'MDS-RODEZ', motif: 'EMPLOI', cle: 'passage-B-0001' });
    expect(conflict).toEqual(refus('enregistrerPassage', 'This idempotency key was already used for another request.', { code: 'CONFLIT_IDEMPOTENCE', argument: 'cleIdempotence', retryable: false }));
    expect(await passagesDe(nirB)).toEqual([[expect.objectContaining({ motif: 'LOGEMENT' })]]);
  });

  it("turns the system's refusal of a day after its own today into ARGUMENT_INVALIDE (the clocks may disagree around midnight)", async () => {
    bed.legacy.use(http.post(`${base}/passages/v1/passages`, () => HttpResponse.json({ code_erreur: 'DATE_FUTURE', libelle: 'Date de passage postérieure à ce jour' }, { status: 422 })));
    const result = await gql(passer, { u: ids.encode(nirC), lieu: 'MDS-RODEZ', motif: 'ACCUEIL_GENERAL', date: '2026-11-12' });
    expect(result).toEqual(refus('enregistrerPassage', 'date must not be after today.', { code: 'ARGUMENT_INVALIDE', argument: 'date', retryable: false }));
  });

  it('reads the passages of 60 usagers with two calls (50 + 10), an empty list for a malformed key', async () => {
    const keys = [...nirs.slice(10, 69), 'pas-un-nir'];
    expect(await passagesDe(...keys)).toEqual(keys.map(() => []));
    expect(calls()).toBe(2);
  });

  it('turns an outage of the passage search into PARTENAIRE_INDISPONIBLE for each usager', async () => {
    bed.legacy.use(
      http.post(`${base}/passages/v1/passages/recherche`, () => HttpResponse.json({ code_erreur: 'SERVICE_INDISPONIBLE', libelle: 'Service momentanément indisponible' }, { status: 503 })),
    );
    const result = await queryEntities(bed.server, [{ nir: nirA }, { nir: nirB }], 'passagesAccueil { id }');
    expect(result.data).toEqual({ _entities: [null, null] });
    const unavailable = { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'accueil', retryable: true };
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [['_entities', 0, 'passagesAccueil'], unavailable],
      [['_entities', 1, 'passagesAccueil'], unavailable],
    ]);
  });
});

describe('accueil subgraph: a person with a provisional identity', () => {
  const prv = 'PRV000000000042';
  const dossier = 'orientations { id statut dateStatut motifRefus etapes { statut date auteur } } inscriptionsTiersLieu { id statut } passagesAccueil { id date }';
  const lire = async (key: string) =>
    (await queryEntities<{ orientations: Array<Record<string, unknown>>; inscriptionsTiersLieu: unknown[]; passagesAccueil: unknown[] }>(bed.server, [{ nir: key }], dossier)).data?._entities[0];

  it('is received, referred and signed up under the provisional key; the partner answers; reconciliation moves it all to the NIR', async () => {
    const u = ids.encode(prv);
    const passage = await gql<PasserAnswer>(passer, { u, lieu: 'MDS-RODEZ', motif: 'ACCES_AUX_DROITS', date: '2026-11-02' });
    expect(passage.errors).toBeUndefined();
    const orientation = await gql<{ orienterUsager: { orientation: { id: string } } }>(
      'mutation($u: ID!) { orienterUsager(usagerId: $u, vers: { codePartenaire: "france-travail" }, motif: EMPLOI) { orientation { id } } }',
      { u },
    );
    expect(orientation.errors).toBeUndefined();
    const inscription = await gql('mutation($u: ID!) { inscrireTiersLieu(usagerId: $u, evenementId: "EVT-2611-03") { inscription { id } } }', { u });
    expect(inscription.errors).toBeUndefined();
    const id = orientation.data!.orienterUsager.orientation.id;
    const refusee = await gql('mutation($id: ID!) { refuserOrientation(id: $id, motif: "Hors compétence") { orientation { statut } } }', { id }, franceTravail);
    expect(refusee).toEqual({ data: { refuserOrientation: { orientation: { statut: 'REFUSEE' } } } });

    // Where the referral stands, as the référent and the usager read it on the usager: status, its date, the reason, each step.
    const sousProvisoire = await lire(prv);
    expect(sousProvisoire).toEqual({
      orientations: [
        {
          id,
          statut: 'REFUSEE',
          dateStatut: '2026-11-12',
          motifRefus: 'Hors compétence',
          etapes: [
            { statut: 'PROPOSEE', date: '2026-11-12', auteur: 'accueil CD12' },
            { statut: 'REFUSEE', date: '2026-11-12', auteur: 'agent FRANCE-TRAVAIL' },
          ],
        },
      ],
      inscriptionsTiersLieu: [{ id: expect.any(String), statut: 'INSCRITE' }],
      passagesAccueil: [{ id: passage.data?.enregistrerPassage?.passage.id, date: '2026-11-02' }],
    });

    const rapprochement = await postLegacy('accueil', '/rapprochements/v1/rapprochements', { cle_provisoire: prv, nir: nirD });
    expect(await rapprochement.json()).toEqual({ deplaces: 3 });
    expect(await lire(nirD)).toEqual(sousProvisoire);
    expect(await lire(prv)).toEqual({ orientations: [], inscriptionsTiersLieu: [], passagesAccueil: [] });
  });

  it('refuses an id that seals something neither a NIR nor a provisional key, without a legacy call', async () => {
    const result = await gql(passer, { u: ids.encode('PRV42'), lieu: 'MDS-RODEZ', motif: 'ACCUEIL_GENERAL' });
    expect(result).toEqual(refus('enregistrerPassage', 'This usager id was not issued by Passerelle.', { code: 'IDENTIFIANT_USAGER_INVALIDE', argument: 'usagerId', retryable: false }));
    expect(calls()).toBe(0);
  });
});
