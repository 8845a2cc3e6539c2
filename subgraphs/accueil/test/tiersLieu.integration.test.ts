import { expect } from '@jest/globals';
import { createPopulation, legacySystem, postGraphQL, queryEntities, testUrlOf, useSubgraphTestBed, type TestAppel } from '@passerelle/mocks';
import { createUsagerIdCodec, silentLogger } from '@passerelle/subgraph-kit';
import { accueilEnv, createServer, loadAccueilConfig } from '../src/index';

const base = testUrlOf('accueil');
const population = createPopulation({ size: 300, seed: 7 });
const bed = useSubgraphTestBed({
  population,
  systems: ['accueil'],
  start: () => createServer(loadAccueilConfig({ ACCUEIL_PORT: '0', ACCUEIL_LEGACY_URL: base, ACCUEIL_LEGACY_API_KEY: legacySystem('accueil').devApiKey }), silentLogger),
});

const ids = createUsagerIdCodec(accueilEnv.usagerIdSecret.default);
const [nirA, nirB, nirC, nirD] = [...population.personneParNir.keys()] as [string, string, string, string];
const calls = () => bed.calls('accueil').count();
const accueilCd12: TestAppel = {
  caller: { subject: 'agent-accueil-1', kind: 'agent', roles: ['accueil'], organisation: 'CD12', partenaire: null, referentId: null, usagerId: null },
  finalite: 'premier-accueil',
};
const usager = (nir: string): TestAppel => ({
  caller: { subject: ids.encode(nir), kind: 'usager', roles: ['usager'], organisation: 'usager', partenaire: null, referentId: null, usagerId: ids.encode(nir) },
  finalite: 'information',
});
const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, appel: TestAppel = accueilCd12) => postGraphQL<T>(bed.server, query, variables, { appel });

const champs = 'rejoue inscription { id statut dateInscription auteur dateAnnulation presence evenement { id placesRestantes } }';
const inscrire = `mutation($u: ID!, $e: ID!, $cle: String) { inscrireTiersLieu(usagerId: $u, evenementId: $e, cleIdempotence: $cle) { ${champs} } }`;
const annuler = `mutation($u: ID!, $e: ID!, $cle: String) { annulerInscriptionTiersLieu(usagerId: $u, evenementId: $e, cleIdempotence: $cle) { ${champs} } }`;
const presence = `mutation($u: ID!, $e: ID!, $p: Boolean!) { enregistrerPresenceTiersLieu(usagerId: $u, evenementId: $e, present: $p) { ${champs} } }`;
const placesRestantes = async (id: string) =>
  (await gql<{ evenementsTiersLieu: Array<{ id: string; placesRestantes: number }> }>('{ evenementsTiersLieu { id placesRestantes } }')).data?.evenementsTiersLieu.find((e) => e.id === id)
    ?.placesRestantes;
const inscriptionsDe = async (nir: string) =>
  (await queryEntities<{ inscriptionsTiersLieu: unknown[] }>(bed.server, [{ nir }], 'inscriptionsTiersLieu { id statut presence evenement { id } }')).data?._entities[0]?.inscriptionsTiersLieu;

// Only Date is faked (to date the sign-ups and tell past events from coming ones); msw's and the server's timers run for real.
beforeAll(() => {
  jest.useFakeTimers({
    now: new Date('2026-11-12T10:00:00Z'),
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
  });
});
afterAll(() => jest.useRealTimers());

describe("accueil subgraph: sign-ups to the tiers-lieu's events", () => {
  it('signs a usager up, authored by the caller, takes a seat, and replays a retry without taking another', async () => {
    const first = await gql(inscrire, { u: ids.encode(nirA), e: 'EVT-2611-03', cle: 'inscription-A-03' });
    const inscription = {
      id: expect.stringMatching(/^INS-\d{6}$/),
      statut: 'INSCRITE',
      dateInscription: '2026-11-12',
      auteur: 'accueil CD12',
      dateAnnulation: null,
      presence: null,
      evenement: { id: 'EVT-2611-03', placesRestantes: 14 },
    };
    expect(first).toEqual({ data: { inscrireTiersLieu: { rejoue: false, inscription } } });
    const retry = await gql(inscrire, { u: ids.encode(nirA), e: 'EVT-2611-03', cle: 'inscription-A-03' });
    expect(retry).toEqual({ data: { inscrireTiersLieu: { rejoue: true, inscription } } });
    expect(await placesRestantes('EVT-2611-03')).toBe(14);
    expect(await inscriptionsDe(nirA)).toEqual([{ id: expect.any(String), statut: 'INSCRITE', presence: null, evenement: { id: 'EVT-2611-03' } }]);
  });

  it('records a usager signing herself up as "l\'usager"', async () => {
    const result = await gql<{ inscrireTiersLieu: { inscription: { auteur: string } } }>(inscrire, { u: ids.encode(nirB), e: 'EVT-2611-03' }, usager(nirB));
    expect(result.errors).toBeUndefined();
    expect(result.data?.inscrireTiersLieu.inscription.auteur).toBe("l'usager");
  });

  it('refuses a full event with EVENEMENT_COMPLET, recording nothing', async () => {
    const result = await gql(inscrire, { u: ids.encode(nirC), e: 'EVT-2611-02' });
    expect(result).toEqual({
      data: { inscrireTiersLieu: null },
      errors: [
        {
          message: 'This event has no free seat left; nothing was recorded.',
          locations: expect.any(Array),
          path: ['inscrireTiersLieu'],
          extensions: { code: 'EVENEMENT_COMPLET', partenaire: 'accueil', retryable: false },
        },
      ],
    });
    expect(await inscriptionsDe(nirC)).toEqual([]);
    expect(await placesRestantes('EVT-2611-02')).toBe(0);
  });

  it('refuses a second sign-up of the same person with TRANSITION_INVALIDE', async () => {
    const result = await gql(inscrire, { u: ids.encode(nirA), e: 'EVT-2611-03' });
    expect(result.errors).toEqual([
      {
        message: 'This usager is already signed up to this event; nothing was recorded.',
        locations: expect.any(Array),
        path: ['inscrireTiersLieu'],
        extensions: { code: 'TRANSITION_INVALIDE', partenaire: 'accueil', retryable: false },
      },
    ]);
  });

  it('cancels a sign-up, freeing its seat; a second cancellation finds nothing to cancel', async () => {
    const result = await gql(annuler, { u: ids.encode(nirB), e: 'EVT-2611-03', cle: 'annulation-B-03' }, usager(nirB));
    expect(result).toEqual({
      data: {
        annulerInscriptionTiersLieu: {
          rejoue: false,
          inscription: expect.objectContaining({ statut: 'ANNULEE', dateAnnulation: '2026-11-12', auteur: "l'usager", evenement: { id: 'EVT-2611-03', placesRestantes: 14 } }),
        },
      },
    });
    expect(await placesRestantes('EVT-2611-03')).toBe(14);
    const again = await gql(annuler, { u: ids.encode(nirB), e: 'EVT-2611-03' }, usager(nirB));
    expect(again.errors).toEqual([
      {
        message: 'This usager has no active sign-up to this event.',
        locations: expect.any(Array),
        path: ['annulerInscriptionTiersLieu'],
        extensions: { code: 'OBJET_INTROUVABLE', argument: 'evenementId', retryable: false },
      },
    ]);
  });

  it('records attendance after the event, and refuses it before', async () => {
    expect((await gql(inscrire, { u: ids.encode(nirD), e: 'EVT-2611-01' })).errors).toBeUndefined();
    const result = await gql<{ enregistrerPresenceTiersLieu: { inscription: { presence: string } } }>(presence, { u: ids.encode(nirD), e: 'EVT-2611-01', p: true });
    expect(result.errors).toBeUndefined();
    expect(result.data?.enregistrerPresenceTiersLieu.inscription.presence).toBe('PRESENTE');
    const absent = await gql<{ enregistrerPresenceTiersLieu: { inscription: { presence: string } } }>(presence, { u: ids.encode(nirD), e: 'EVT-2611-01', p: false });
    expect(absent.data?.enregistrerPresenceTiersLieu.inscription.presence).toBe('ABSENTE');
    const early = await gql(presence, { u: ids.encode(nirA), e: 'EVT-2611-03', p: true });
    expect(early.errors).toEqual([
      {
        message: "Attendance is recorded from the event's day on; nothing was changed.",
        locations: expect.any(Array),
        path: ['enregistrerPresenceTiersLieu'],
        extensions: { code: 'TRANSITION_INVALIDE', partenaire: 'accueil', retryable: false },
      },
    ]);
  });

  it.each([
    ['a forged usager id', { u: 'forged', e: 'EVT-2611-03' }, { code: 'IDENTIFIANT_USAGER_INVALIDE', argument: 'usagerId', retryable: false }, 'This usager id was not issued by Passerelle.'],
    ['a malformed event id', { u: ids.encode(nirA), e: 'evt 1' }, { code: 'OBJET_INTROUVABLE', argument: 'evenementId', retryable: false }, 'No tiers-lieu event has this id.'],
  ])('refuses %s without a legacy call', async (_case, variables, extensions, message) => {
    const result = await gql(inscrire, variables);
    expect(result.errors).toEqual([{ message, locations: expect.any(Array), path: ['inscrireTiersLieu'], extensions }]);
    expect(calls()).toBe(0);
  });

  it('refuses an unknown event with OBJET_INTROUVABLE', async () => {
    const result = await gql(inscrire, { u: ids.encode(nirA), e: 'EVT-0000-00' });
    expect(result.errors).toEqual([
      { message: 'No tiers-lieu event has this id.', locations: expect.any(Array), path: ['inscrireTiersLieu'], extensions: { code: 'OBJET_INTROUVABLE', argument: 'evenementId', retryable: false } },
    ]);
  });
});
