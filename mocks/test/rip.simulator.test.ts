import { http, HttpResponse } from 'msw';
import { createPopulation, expectLegacyError, keyRefusalCases, keyRefused, legacySystem, postLegacy, testUrlOf, useLegacyTestServer } from '../src/index';
import type { IdentiteProvisoire } from '../src/simulators/rip/IdentiteProvisoire';

const rip = legacySystem('rip');
const headers = { [rip.apiKeyHeader]: rip.devApiKey };
const simulated = useLegacyTestServer(createPopulation({ size: 20, seed: 7 }), ['rip']);

const nir = '286041220200135';
const autreNir = '186041220200170';
const declaration = {
  nom_naissance: 'Haddad',
  nom_usage: null,
  prenoms: ['Amina', 'Leïla'],
  sexe: '2',
  date_naissance: '1994',
  lieu_naissance: { code: '99352', libelle: 'Algérie' },
  cree_par: 'ref-007',
};
const creer = (body: unknown, cle?: string) => postLegacy('rip', '/api/v1/identites', body, cle === undefined ? headers : { ...headers, 'Idempotency-Key': cle });
const created = async (body: unknown = declaration): Promise<IdentiteProvisoire> => ((await (await creer(body)).json()) as { identite: IdentiteProvisoire }).identite;
const lot = async (cles: string[]) => (await (await postLegacy('rip', '/api/v1/identites/lot', { cles })).json()) as { identites: IdentiteProvisoire[]; non_trouvees: number };
const rapprocher = (cle: string, body: unknown) => postLegacy('rip', `/api/v1/identites/${cle}/rapprochement`, body);

const avisDepartement = `${testUrlOf('departement')}/api/rsa/v1/rapprochements`;
const avisAccueil = `${testUrlOf('accueil')}/rapprochements/v1/rapprochements`;

/** Stands in for the two recipients of the notices (built by other systems), recording what each received. */
function recipients(statuses: { departement?: number; accueil?: number } = {}) {
  const received: Array<{ url: string; headers: Record<string, string | null>; body: unknown }> = [];
  const answer = (url: string, status: number) =>
    http.post(url, async ({ request }) => {
      // HTTP headers are case-insensitive: the Département's X-Cd12-Cle and the reception network's X-CD12-Cle are one header, with each system's key.
      received.push({ url, headers: { 'X-Cd12-Cle': request.headers.get('X-Cd12-Cle'), 'content-type': request.headers.get('content-type') }, body: await request.json() });
      return HttpResponse.json(status === 200 ? { deplaces: 1 } : { code_erreur: 'ERREUR_TECHNIQUE', libelle: 'Erreur technique' }, { status });
    });
  simulated.legacy.use(answer(avisDepartement, statuses.departement ?? 200), answer(avisAccueil, statuses.accueil ?? 200));
  return received;
}

describe('register of provisional identities (rip) simulator', () => {
  it('is registered with its conventions', () => {
    expect(rip).toMatchObject({ name: 'rip', prefix: '/rip', apiKeyHeader: 'X-Rip-Cle', devApiKey: 'dev-rip-3e71a9', maxBatchSize: 100 });
  });

  it.each(keyRefusalCases('rip', 'X-Api-Key'))('refuses a call %s with 401', async (_case, h) => {
    await expectLegacyError(await postLegacy('rip', '/api/v1/identites', declaration, h), 401, keyRefused);
    await expectLegacyError(await postLegacy('rip', '/api/v1/identites/lot', { cles: ['PRV000000000001'] }, h), 401, keyRefused);
  });

  it('records a declared identity under the next PRV key, ACTIVE, and reads it back by key', async () => {
    const response = await creer(declaration);
    expect(response.status).toBe(201);
    const { identite } = (await response.json()) as { identite: IdentiteProvisoire };
    expect(identite.cle).toMatch(/^PRV\d{12}$/);
    expect(identite).toEqual({ cle: identite.cle, ...declaration, cree_le: '20261101', statut: 'ACTIVE', nir: null, rapprochee_le: null });
    const second = await created({ ...declaration, prenoms: ['Karim'], sexe: '1' });
    expect(Number(second.cle.slice(3))).toBe(Number(identite.cle.slice(3)) + 1);
    expect(await lot([second.cle, 'PRV999999999999', identite.cle])).toEqual({ identites: [second, identite], non_trouvees: 1 });
  });

  it('replays a creation under the same idempotency key, and refuses the key for another declaration', async () => {
    const first = await creer(declaration, 'accueil-cle-1');
    const again = await creer(declaration, 'accueil-cle-1');
    expect([first.status, again.status, again.headers.get('X-Rejeu')]).toEqual([201, 200, 'O']);
    expect(await again.json()).toEqual(await first.json());
    await expectLegacyError(await creer({ ...declaration, nom_naissance: 'Autre' }, 'accueil-cle-1'), 409, {
      code_erreur: 'CLE_IDEMPOTENCE_REUTILISEE',
      libelle: "Clé d'idempotence déjà utilisée pour une autre identité",
    });
  });

  it.each([
    ['an impossible date of birth', { date_naissance: '19940231' }, 'date_naissance'],
    ['a thirteenth month', { date_naissance: '199413' }, 'date_naissance'],
    ['no first name', { prenoms: [] }, 'prenoms'],
    ['a malformed birth place', { lieu_naissance: { code: '1220', libelle: 'Rodez' } }, 'lieu_naissance.code'],
  ])('refuses a declaration with %s', async (_case, over, champ) => {
    await expectLegacyError(await creer({ ...declaration, ...over }), 400, { code_erreur: 'REQUETE_INVALIDE', libelle: `Champ invalide : ${champ}` });
  });

  it('finds identities by date of birth, a partial one matching every day it covers, filtered by sex and status', async () => {
    const exacte = await created({ ...declaration, nom_naissance: 'Exacte', date_naissance: '19720309' });
    const mois = await created({ ...declaration, nom_naissance: 'Mois', date_naissance: '197203', sexe: '1' });
    const recherche = async (body: Record<string, unknown>) => (await (await postLegacy('rip', '/api/v1/identites/recherche', body)).json()) as { total: number; identites: IdentiteProvisoire[] };
    expect((await recherche({ date_naissance: '19720309' })).identites.map((i) => i.cle)).toEqual([exacte.cle, mois.cle]);
    expect((await recherche({ date_naissance: '19720310' })).identites.map((i) => i.cle)).toEqual([mois.cle]);
    expect((await recherche({ date_naissance: '19720309', sexe: '2' })).identites.map((i) => i.cle)).toEqual([exacte.cle]);
    recipients();
    await rapprocher(mois.cle, { nir: autreNir });
    expect((await recherche({ date_naissance: '19720309', statut: 'ACTIVE' })).identites.map((i) => i.cle)).toEqual([exacte.cle]);
  });

  it('sends each notice with its system’s key before recording the reconciliation; the same NIR again is a replay, another one a conflict', async () => {
    const identite = await created();
    const received = recipients();
    const response = await rapprocher(identite.cle, { nir });
    expect(response.status).toBe(200);
    const reconciled = { ...identite, statut: 'RAPPROCHEE', nir, rapprochee_le: '20261101' };
    expect(await response.json()).toEqual({ identite: reconciled });
    const body = { cle_provisoire: identite.cle, nir };
    expect(received.sort((a, b) => a.url.localeCompare(b.url))).toEqual([
      { url: avisAccueil, headers: { 'X-Cd12-Cle': 'dev-accueil-6d2f90', 'content-type': 'application/json' }, body },
      { url: avisDepartement, headers: { 'X-Cd12-Cle': 'dev-cd12-8f3a40', 'content-type': 'application/json' }, body },
    ]);
    expect((await lot([identite.cle])).identites).toEqual([reconciled]);

    const replay = await rapprocher(identite.cle, { nir });
    expect([replay.status, replay.headers.get('X-Rejeu')]).toEqual([200, 'O']);
    expect(await replay.json()).toEqual({ identite: reconciled });
    expect(received).toHaveLength(2);
    await expectLegacyError(await rapprocher(identite.cle, { nir: autreNir }), 409, { code_erreur: 'RAPPROCHEMENT_CONFLIT', libelle: 'Identité déjà rapprochée d’un autre NIR' });
  });

  it.each([
    ['the Département', { departement: 500 }, 'departement (500)'],
    ['the reception network', { accueil: 503 }, 'accueil (503)'],
  ])('records nothing when %s refuses its notice, and a retry succeeds once it accepts', async (_case, statuses, which) => {
    const identite = await created();
    recipients(statuses);
    await expectLegacyError(await rapprocher(identite.cle, { nir }), 502, {
      code_erreur: 'AVIS_RAPPROCHEMENT_ECHEC',
      libelle: `Avis de rapprochement non accepté par ${which} : rien n'est enregistré`,
    });
    expect((await lot([identite.cle])).identites).toEqual([identite]);
    simulated.legacy.resetHandlers();
    recipients();
    expect((await rapprocher(identite.cle, { nir })).status).toBe(200);
  });

  it('records nothing when a recipient cannot be reached', async () => {
    const identite = await created();
    simulated.legacy.use(
      http.post(avisDepartement, () => HttpResponse.error()),
      http.post(avisAccueil, () => HttpResponse.json({ deplaces: 0 })),
    );
    await expectLegacyError(await rapprocher(identite.cle, { nir }), 502, {
      code_erreur: 'AVIS_RAPPROCHEMENT_ECHEC',
      libelle: "Avis de rapprochement non accepté par departement (injoignable) : rien n'est enregistré",
    });
    expect((await lot([identite.cle])).identites[0]?.statut).toBe('ACTIVE');
  });

  it('refuses to reconcile an unknown key, a malformed key or a malformed NIR', async () => {
    await expectLegacyError(await rapprocher('PRV999999999999', { nir }), 404, { code_erreur: 'IDENTITE_INCONNUE', libelle: 'Aucune identité provisoire sous cette clé' });
    await expectLegacyError(await rapprocher('PRV42', { nir }), 400, { code_erreur: 'REQUETE_INVALIDE', libelle: 'Clé provisoire invalide' });
    const identite = await created();
    await expectLegacyError(await rapprocher(identite.cle, { nir: 'PRV000000000001' }), 400, { code_erreur: 'REQUETE_INVALIDE', libelle: 'Champ invalide : nir' });
  });
});
