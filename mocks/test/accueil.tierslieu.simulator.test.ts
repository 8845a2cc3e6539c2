import { expect } from '@jest/globals';
import { createPopulation, expectLegacyError, legacySystem, postLegacy, testUrlOf, useLegacyTestServer } from '../src/index';

const population = createPopulation({ size: 50, seed: 7 });
const accueil = legacySystem('accueil');
useLegacyTestServer(population, ['accueil']);

const cles = (cle?: string) => ({ [accueil.apiKeyHeader]: accueil.devApiKey, ...(cle === undefined ? {} : { 'Idempotency-Key': cle }) });
const inscrire = (evt: string, body: unknown, cle?: string) => postLegacy('accueil', `/tierslieu/v1/evenements/${evt}/inscriptions`, body, cles(cle));
const annuler = (evt: string, body: unknown, cle?: string) => postLegacy('accueil', `/tierslieu/v1/evenements/${evt}/annulations`, body, cles(cle));
const presence = (evt: string, body: unknown) => postLegacy('accueil', `/tierslieu/v1/evenements/${evt}/presences`, body, cles());
const placesRestantes = async (evt: string) => {
  const res = await fetch(`${testUrlOf('accueil')}/annuaire/v1/evenements`, { headers: cles() });
  return ((await res.json()) as { evenements: Array<{ id_evenement: string; places_restantes: number }> }).evenements.find((e) => e.id_evenement === evt)?.places_restantes;
};
const inscriptionsDe = async (...nirs: string[]) =>
  ((await (await postLegacy('accueil', '/tierslieu/v1/inscriptions/recherche', { liste_nir: nirs }, cles())).json()) as { inscriptions: Array<Record<string, unknown>> }).inscriptions;
const nirs = [...population.personneParNir.keys()].slice(0, 5);
const [nirA, nirB, nirC, nirD, nirE] = nirs as [string, string, string, string, string];

const libelles: Record<string, string> = {
  CLE_IDEMPOTENCE_REUTILISEE: "Clé d'idempotence déjà utilisée pour une autre demande",
  EVENEMENT_INCONNU: 'Événement inconnu',
  INSCRIPTION_INCONNUE: 'Aucune inscription active à cet événement',
  EVENEMENT_COMPLET: 'Événement complet',
  DEJA_INSCRIT: 'Déjà inscrit à cet événement',
  INSCRIPTION_ANNULEE: 'Inscription annulée',
  EVENEMENT_A_VENIR: "La présence s'enregistre à partir du jour de l'événement",
  REQUETE_INVALIDE: 'Champ invalide : nir',
};
const refus = (code: string) => ({ code_erreur: code, libelle: libelles[code] ?? '' });

// Only Date is faked (to date the sign-ups, and to say which events are past); msw's timers run for real.
beforeAll(() => {
  jest.useFakeTimers({
    now: new Date('2026-11-12T10:00:00Z'),
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
  });
});
afterAll(() => jest.useRealTimers());

describe("accueil simulator: sign-ups to the tiers-lieu's events", () => {
  it('signs a person up, takes a seat, and replays a retry with the same key without taking another', async () => {
    expect(await placesRestantes('EVT-2611-03')).toBe(15);
    const first = await inscrire('EVT-2611-03', { nir: nirA, auteur: 'accueil CD12' }, 'cle-inscription-1');
    expect(first.status).toBe(201);
    expect(first.headers.get('Idempotency-Replayed')).toBeNull();
    const { inscription } = (await first.json()) as { inscription: Record<string, unknown> };
    expect(inscription).toEqual({
      id_inscription: expect.stringMatching(/^INS-\d{6}$/),
      id_evenement: 'EVT-2611-03',
      nir: nirA,
      statut: 'INS',
      date_inscription: '20261112',
      auteur: 'accueil CD12',
      date_annulation: null,
      auteur_annulation: null,
      presence: null,
      auteur_presence: null,
    });
    const retry = await inscrire('EVT-2611-03', { nir: nirA, auteur: 'accueil CD12' }, 'cle-inscription-1');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('Idempotency-Replayed')).toBe('true');
    expect(await retry.json()).toEqual({ inscription });
    expect(await placesRestantes('EVT-2611-03')).toBe(14);
    expect(await inscriptionsDe(nirA)).toEqual([inscription]);
  });

  it('refuses the same key for another request, and a second sign-up of the same person', async () => {
    await expectLegacyError(await inscrire('EVT-2611-03', { nir: nirB, auteur: 'accueil CD12' }, 'cle-inscription-1'), 409, refus('CLE_IDEMPOTENCE_REUTILISEE'));
    await expectLegacyError(await inscrire('EVT-2611-03', { nir: nirA, auteur: 'accueil CD12' }), 409, refus('DEJA_INSCRIT'));
    expect(await inscriptionsDe(nirB)).toEqual([]);
    expect(await placesRestantes('EVT-2611-03')).toBe(14);
  });

  it('refuses a full event with EVENEMENT_COMPLET and records nothing; a cancellation frees a seat', async () => {
    await expectLegacyError(await inscrire('EVT-2611-02', { nir: nirB, auteur: 'accueil CD12' }), 409, refus('EVENEMENT_COMPLET'));
    expect(await inscriptionsDe(nirB)).toEqual([]);
    // EVT-2611-01 has 3 seats left: the fourth person is refused until someone cancels.
    for (const nir of [nirB, nirC, nirD]) expect((await inscrire('EVT-2611-01', { nir, auteur: 'accueil CD12' })).status).toBe(201);
    expect(await placesRestantes('EVT-2611-01')).toBe(0);
    await expectLegacyError(await inscrire('EVT-2611-01', { nir: nirE, auteur: 'accueil CD12' }), 409, refus('EVENEMENT_COMPLET'));
    expect(await inscriptionsDe(nirE)).toEqual([]);

    const annulation = await annuler('EVT-2611-01', { nir: nirB, auteur: "l'usager" }, 'cle-annulation-1');
    expect(annulation.status).toBe(200);
    expect(((await annulation.json()) as { inscription: Record<string, unknown> }).inscription).toMatchObject({ statut: 'ANN', date_annulation: '20261112', auteur_annulation: "l'usager" });
    expect((await annuler('EVT-2611-01', { nir: nirB, auteur: "l'usager" }, 'cle-annulation-1')).headers.get('Idempotency-Replayed')).toBe('true');
    expect(await placesRestantes('EVT-2611-01')).toBe(1);
    expect((await inscrire('EVT-2611-01', { nir: nirE, auteur: 'accueil CD12' })).status).toBe(201);
  });

  it('refuses to cancel what does not exist, and an unknown event', async () => {
    await expectLegacyError(await annuler('EVT-2611-01', { nir: nirB, auteur: 'accueil CD12' }), 404, refus('INSCRIPTION_INCONNUE'));
    await expectLegacyError(await inscrire('EVT-0000-00', { nir: nirB, auteur: 'accueil CD12' }), 404, refus('EVENEMENT_INCONNU'));
  });

  it('records attendance from the event day on, corrects it, and refuses it on a cancelled or future sign-up', async () => {
    const present = await presence('EVT-2611-01', { nir: nirC, present: true, auteur: 'accueil CD12' });
    expect(present.status).toBe(200);
    expect(((await present.json()) as { inscription: Record<string, unknown> }).inscription).toMatchObject({ nir: nirC, statut: 'INS', presence: 'P', auteur_presence: 'accueil CD12' });
    const absent = await presence('EVT-2611-01', { nir: nirC, present: false, auteur: 'accueil CD12' });
    expect(((await absent.json()) as { inscription: Record<string, unknown> }).inscription).toMatchObject({ presence: 'A' });
    await expectLegacyError(await presence('EVT-2611-01', { nir: nirB, present: true, auteur: 'accueil CD12' }), 409, refus('INSCRIPTION_ANNULEE'));
    // EVT-2611-03 is on 18 November, after the faked today.
    await expectLegacyError(await presence('EVT-2611-03', { nir: nirA, present: true, auteur: 'accueil CD12' }), 409, refus('EVENEMENT_A_VENIR'));
    await expectLegacyError(await presence('EVT-2611-01', { nir: 'not-a-nir', present: true, auteur: 'accueil CD12' }), 400, refus('REQUETE_INVALIDE'));
  });
});
