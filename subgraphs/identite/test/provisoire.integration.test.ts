import { expect } from '@jest/globals';
import { createPopulation, legacySystem, postGraphQL, queryEntities, testUrlOf, unknownNir, useSubgraphTestBed, type TestAppel } from '@passerelle/mocks';
import { createUsagerIdCodec, silentLogger } from '@passerelle/subgraph-kit';
import { http, HttpResponse } from 'msw';
import { createServer, loadIdentiteConfig } from '../src/index';

const secret = 'test-secret-of-sufficient-length';
const codec = createUsagerIdCodec(secret);
const population = createPopulation({ size: 300, seed: 7 });
const bed = useSubgraphTestBed({
  population,
  systems: ['sngi', 'rip'],
  start: () =>
    createServer(
      loadIdentiteConfig({
        IDENTITE_PORT: '0',
        IDENTITE_LEGACY_URL: testUrlOf('sngi'),
        IDENTITE_LEGACY_API_KEY: legacySystem('sngi').devApiKey,
        IDENTITE_RIP_LEGACY_URL: testUrlOf('rip'),
        IDENTITE_RIP_LEGACY_API_KEY: legacySystem('rip').devApiKey,
        USAGER_ID_SECRET: secret,
      }),
      silentLogger,
    ),
});

const accueil: TestAppel = {
  caller: { subject: 'agent-accueil-1', kind: 'agent', roles: ['accueil'], organisation: 'CD12', partenaire: null, referentId: null, usagerId: null },
  finalite: 'premier-accueil',
};
const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) => postGraphQL<T>(bed.server, query, variables, { appel: accueil });

const creer = `mutation($i: IdentiteDeclareeInput!, $c: String) { creerIdentiteProvisoire(identite: $i, cleIdempotence: $c) {
  usager { id statutIdentite identite { nomNaissance nomUsage prenoms sexe dateNaissance lieuNaissance { code libelle estNeALEtranger } } } rejoue } }`;
const rapprocher = `mutation($u: ID!, $n: String!) { rapprocherIdentite(usagerId: $u, nir: $n) { usager { id statutIdentite identite { nomNaissance } } usagerIdProvisoire rejoue } }`;
const rechercher = `query($i: IdentitePivotInput!) { rechercherUsagers(identite: $i) { usager { id statutIdentite } score criteres } }`;

/** Someone the register does not know; each test declares its own (names differ), as the register keeps what it is told. */
const declaree = (nomNaissance: string, over: Record<string, unknown> = {}) => ({
  nomNaissance,
  prenoms: ['Amina'],
  sexe: 'F',
  dateNaissance: '1994-03-12',
  lieuNaissance: { code: '99352', libelle: 'Algérie' },
  ...over,
});
type Creation = { creerIdentiteProvisoire: { usager: { id: string; statutIdentite: string }; rejoue: boolean } };
const creerId = async (nom: string, over: Record<string, unknown> = {}) => (await gql<Creation>(creer, { i: declaree(nom, over) })).data!.creerIdentiteProvisoire.usager.id;

const avisDepartement = `${testUrlOf('departement')}/api/rsa/v1/rapprochements`;
const avisAccueil = `${testUrlOf('accueil')}/rapprochements/v1/rapprochements`;
/** Stands in for the Département and the reception network (other systems), recording the notices they receive. */
function recipients(departementStatus = 200) {
  const received: Array<{ url: string; cle: string | null; body: unknown }> = [];
  const answer = (url: string, header: string, status: number) =>
    http.post(url, async ({ request }) => {
      received.push({ url, cle: request.headers.get(header), body: await request.json() });
      return HttpResponse.json(status === 200 ? { deplaces: 2 } : { code_erreur: 'ERREUR_TECHNIQUE', libelle: 'Erreur technique' }, { status });
    });
  bed.legacy.use(answer(avisDepartement, 'X-Cd12-Cle', departementStatus), answer(avisAccueil, 'X-CD12-Cle', 200));
  return received;
}

/** A registered person whose declared identity at reception was the same (she had no papers with her then). */
const registered = population.persona('rsa-isolee');
const commeDeclaree = {
  nomNaissance: 'DELMAS',
  prenoms: ['Severine'],
  sexe: 'F',
  dateNaissance: registered.dateNaissance.slice(0, 7),
  lieuNaissance: { code: registered.lieuNaissance.code, libelle: registered.lieuNaissance.libelle },
};

describe('identite subgraph: provisional identities', () => {
  it('gives a provisional identity to someone the register does not know, readable by its id, marked PROVISOIRE, with the declared identity', async () => {
    const result = await gql<Creation>(creer, { i: declaree('Haddad', { nomUsage: 'Benali', prenoms: ['Amina', 'Leïla'], dateNaissance: '1994' }), c: 'accueil-1' });
    expect(result.errors).toBeUndefined();
    const usager = result.data!.creerIdentiteProvisoire.usager;
    const identite = {
      nomNaissance: 'Haddad',
      nomUsage: 'Benali',
      prenoms: ['Amina', 'Leïla'],
      sexe: 'F',
      dateNaissance: '1994',
      lieuNaissance: { code: '99352', libelle: 'Algérie', estNeALEtranger: true },
    };
    expect(result.data).toEqual({ creerIdentiteProvisoire: { usager: { id: usager.id, statutIdentite: 'PROVISOIRE', identite }, rejoue: false } });
    expect(codec.decode(usager.id)).toMatch(/^PRV\d{12}$/);
    // Recorded with the caller as author, never an argument.
    const [body] = (await bed.calls('rip').bodies()) as Array<{ cree_par: string }>;
    expect(body?.cree_par).toBe('accueil CD12');

    const again = await gql<Creation>(creer, { i: declaree('Haddad', { nomUsage: 'Benali', prenoms: ['Amina', 'Leïla'], dateNaissance: '1994' }), c: 'accueil-1' });
    expect(again.data).toEqual({ creerIdentiteProvisoire: { usager: { id: usager.id, statutIdentite: 'PROVISOIRE', identite }, rejoue: true } });
    const read = await gql(`query($id: ID!) { usager(id: $id) { id statutIdentite identite { nomNaissance dateNaissance } } }`, { id: usager.id });
    expect(read).toEqual({ data: { usager: { id: usager.id, statutIdentite: 'PROVISOIRE', identite: { nomNaissance: 'Haddad', dateNaissance: '1994' } } } });
  });

  it('serves the declared pivot identity to the gateway for _entities by provisional key, so landlords and the SIAO can match the person', async () => {
    const id = await creerId('Pivot');
    const result = await queryEntities(bed.server, [{ nir: codec.decode(id) }], 'id statutIdentite identitePivot { nomNaissance nomUsage prenoms sexe dateNaissance codeLieuNaissance }');
    expect(result).toEqual({
      data: {
        _entities: [
          { id, statutIdentite: 'PROVISOIRE', identitePivot: { nomNaissance: 'Pivot', nomUsage: null, prenoms: ['Amina'], sexe: 'F', dateNaissance: '1994-03-12', codeLieuNaissance: '99352' } },
        ],
      },
    });
  });

  it('lists an active provisional identity among the search candidates, marked PROVISOIRE', async () => {
    const id = await creerId('Candidate', { dateNaissance: '1994-03' });
    const result = await gql<{ rechercherUsagers: Array<{ usager: { id: string; statutIdentite: string }; criteres: string[] }> }>(rechercher, {
      i: { nomNaissance: 'CANDIDATE', prenoms: ['amina'], dateNaissance: '1994-03-12' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.rechercherUsagers.find((c) => c.usager.id === id)).toEqual({
      usager: { id, statutIdentite: 'PROVISOIRE' },
      score: expect.any(Number),
      criteres: ['NOM_IDENTIQUE', 'PRENOM_IDENTIQUE', 'DATE_NAISSANCE_PARTIELLE', 'LIEU_NAISSANCE_NON_COMPARE'],
    });
  });

  it('refuses a provisional identity for a person the register knows with certainty, naming the registered usager', async () => {
    const result = await gql(creer, {
      i: {
        nomNaissance: registered.nomNaissance,
        prenoms: registered.prenoms,
        sexe: 'F',
        dateNaissance: registered.dateNaissance,
        lieuNaissance: { code: registered.lieuNaissance.code, libelle: 'Rodez' },
      },
    });
    expect(result).toEqual({
      data: null,
      errors: [
        {
          message: 'The identity register already knows this person with certainty: use extensions.usagerId.',
          locations: expect.any(Array),
          path: ['creerIdentiteProvisoire'],
          extensions: { code: 'IDENTITE_DEJA_CERTIFIEE', argument: 'identite', usagerId: codec.encode(registered.nir), retryable: false },
        },
      ],
    });
    expect(bed.calls('rip').count()).toBe(0);
  });

  it.each([
    ['an impossible date', { dateNaissance: '1994-02-30' }, 'identite.dateNaissance'],
    ['no first name', { prenoms: [' '] }, 'identite.prenoms'],
    ['a malformed birth place', { lieuNaissance: { code: 'Alger', libelle: 'Alger' } }, 'identite.lieuNaissance.code'],
  ])('refuses a declaration with %s before any call', async (_case, over, argument) => {
    const result = await gql(creer, { i: declaree('Refus', over) });
    expect(result.errors?.map((e) => ({ extensions: e.extensions, path: e.path }))).toEqual([
      { extensions: { code: 'ARGUMENT_INVALIDE', argument, retryable: false }, path: ['creerIdentiteProvisoire'] },
    ]);
    expect(bed.calls('sngi').count() + bed.calls('rip').count()).toBe(0);
  });

  it('reconciles with the NIR after the notices, then the provisional id answers IDENTITE_RAPPROCHEE and no search lists it', async () => {
    const id = await creerId('Delmas', commeDeclaree);
    const cle = codec.decode(id);
    const received = recipients();
    const result = await gql(rapprocher, { u: id, n: registered.nir });
    const certifie = { id: codec.encode(registered.nir), statutIdentite: 'CERTIFIEE', identite: { nomNaissance: 'Delmas' } };
    expect(result).toEqual({ data: { rapprocherIdentite: { usager: certifie, usagerIdProvisoire: id, rejoue: false } } });
    expect(received.sort((a, b) => a.url.localeCompare(b.url))).toEqual([
      { url: avisAccueil, cle: 'dev-accueil-6d2f90', body: { cle_provisoire: cle, nir: registered.nir } },
      { url: avisDepartement, cle: 'dev-cd12-8f3a40', body: { cle_provisoire: cle, nir: registered.nir } },
    ]);

    const read = await gql(`query($id: ID!) { usager(id: $id) { id } }`, { id });
    expect(read).toEqual({
      data: { usager: null },
      errors: [
        {
          message: 'This provisional identity was reconciled with a registered person: use extensions.usagerId.',
          locations: expect.any(Array),
          path: ['usager'],
          extensions: { code: 'IDENTITE_RAPPROCHEE', argument: 'id', usagerId: certifie.id, retryable: false },
        },
      ],
    });
    const search = await gql<{ rechercherUsagers: Array<{ usager: { id: string; statutIdentite: string } }> }>(rechercher, {
      i: { nomNaissance: 'Delmas', prenoms: ['Séverine'], dateNaissance: registered.dateNaissance },
    });
    expect(search.data!.rechercherUsagers.map((c) => c.usager)).toEqual([{ id: certifie.id, statutIdentite: 'CERTIFIEE' }]);

    const replay = await gql(rapprocher, { u: id, n: registered.nir });
    expect(replay).toEqual({ data: { rapprocherIdentite: { usager: certifie, usagerIdProvisoire: id, rejoue: true } } });
    expect(received).toHaveLength(2);
  });

  it('records nothing when a notice fails (PARTENAIRE_INDISPONIBLE, retryable), and the provisional identity stays usable', async () => {
    const id = await creerId('Delmas', { ...commeDeclaree, nomUsage: 'Essai' });
    recipients(500);
    const result = await gql(rapprocher, { u: id, n: registered.nir });
    expect(result.errors?.map((e) => ({ extensions: e.extensions, path: e.path }))).toEqual([
      { extensions: { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'identite', retryable: true }, path: ['rapprocherIdentite'] },
    ]);
    expect(await gql(`query($id: ID!) { usager(id: $id) { statutIdentite } }`, { id })).toEqual({ data: { usager: { statutIdentite: 'PROVISOIRE' } } });
  });

  it('refuses to reconcile an identity that does not match the NIR’s, a certified usager, a bad NIR and an unknown NIR', async () => {
    const id = await creerId('Incompatible');
    const codeOf = async (u: string, n: string) => (await gql(rapprocher, { u, n })).errors?.map((e) => e.extensions);
    recipients();
    expect(await codeOf(id, registered.nir)).toEqual([{ code: 'IDENTITE_INCOMPATIBLE', argument: 'nir', retryable: false }]);
    expect(await codeOf(codec.encode(registered.nir), registered.nir)).toEqual([{ code: 'ARGUMENT_INVALIDE', argument: 'usagerId', retryable: false }]);
    expect(await codeOf(id, '286041220200199')).toEqual([{ code: 'NIR_INVALIDE', argument: 'nir', retryable: false }]);
    expect(await codeOf(id, unknownNir())).toEqual([{ code: 'USAGER_INCONNU', argument: 'nir', retryable: false }]);
    expect(await codeOf('u_forged', registered.nir)).toEqual([{ code: 'IDENTIFIANT_USAGER_INVALIDE', argument: 'usagerId', retryable: false }]);
  });
});
