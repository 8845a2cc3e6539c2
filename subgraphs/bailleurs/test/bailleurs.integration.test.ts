import { expect } from '@jest/globals';
import { createPopulation, legacySystem, queryEntities, testUrlOf, useSubgraphTestBed, type GraphQLAnswer, type PersonaKey, type Personne, type SubgraphTarget } from '@passerelle/mocks';
import { silentLogger } from '@passerelle/subgraph-kit';
import { http, HttpResponse } from 'msw';
import { createServer, loadBailleursConfig } from '../src/index';

const rahUrl = `${testUrlOf('rah')}/api/v1/occupants/recherche`;
const ahUrl = `${testUrlOf('ah')}/occupation/v2/personnes/recherche`;
const population = createPopulation({ size: 300, seed: 7 });
const bed = useSubgraphTestBed({
  population,
  systems: ['rah', 'ah'],
  start: () =>
    createServer(
      loadBailleursConfig({
        BAILLEURS_PORT: '0',
        BAILLEURS_RAH_LEGACY_URL: testUrlOf('rah'),
        BAILLEURS_RAH_LEGACY_API_KEY: legacySystem('rah').devApiKey,
        BAILLEURS_AH_LEGACY_URL: testUrlOf('ah'),
        BAILLEURS_AH_LEGACY_API_KEY: legacySystem('ah').devApiKey,
      }),
      silentLogger,
    ),
});

/** The landlord calls of the current test, in the order they started: RAH's date each, AH's batch of dates each. */
const rahCalls = async () => (await bed.calls('rah').bodies()).map((body) => (body as { date_naissance: string }).date_naissance);
const ahCalls = async () => (await bed.calls('ah').bodies()).map((body) => (body as { datesNaissance: string[] }).datesNaissance);

type Situation = {
  bailleur: { code: string; nom: string };
  rapprochement: { statut: string; score: number | null; criteres: string[]; explication: string };
  baux: Array<Record<string, unknown>>;
  demandes: Array<Record<string, unknown>>;
};
type Entity = { logementSocial: { bailleurs: Array<Situation | null> } | null };
type Answer = GraphQLAnswer<{ _entities: Array<Entity | null> }>;

const full = `logementSocial { bailleurs {
  bailleur { code nom }
  rapprochement { statut score criteres explication }
  baux { reference typologie surface adresse { ligne codePostal commune } loyer charges solde moisImpayes enImpaye planApurement { mensualite dateDebut dateFin respecte } dateEntree }
  demandes { numeroUnique dateDepot dateRenouvellement statut typologieSouhaitee }
} }`;

/** The representation the gateway sends: the pivot identity the register resolved. */
const pivotOf = (p: Personne) => ({
  nomNaissance: p.nomNaissance,
  nomUsage: p.nomUsage,
  prenoms: p.prenoms,
  sexe: p.sexe === 1 ? 'M' : 'F',
  dateNaissance: p.dateNaissance,
  codeLieuNaissance: p.lieuNaissance.code,
});

/** Resolves usagers by the pivot identity the register gave, as the gateway asks this subgraph; `server` is another instance of it, if given. */
const entities = (pivots: unknown[], selection = full, server: SubgraphTarget = bed.server) =>
  queryEntities<Entity>(
    server,
    pivots.map((identitePivot) => ({ identitePivot })),
    selection,
  );
const of = (...keys: PersonaKey[]) => entities(keys.map((k) => pivotOf(population.persona(k))));
const byCode = (answer: Answer, index = 0) => Object.fromEntries((answer.data?._entities[index]?.logementSocial?.bailleurs ?? []).map((b, i) => [b?.bailleur.code ?? `null@${i}`, b]));

const aucun = (code: 'RAH' | 'AH', nom: string): Situation => ({
  bailleur: { code, nom },
  rapprochement: { statut: 'AUCUN', score: null, criteres: [], explication: `${nom} : aucun locataire ni demandeur de logement ne correspond à cette identité.` },
  baux: [],
  demandes: [],
});
const exact = ['NOM_IDENTIQUE', 'PRENOM_IDENTIQUE', 'DATE_NAISSANCE_IDENTIQUE', 'LIEU_NAISSANCE_NON_COMPARE'];

describe('bailleurs subgraph', () => {
  it('finds the single RSA recipient’s lease at RAH, 3 months in arrears with a plan not kept, and nothing at AH', async () => {
    const result = await of('rsa-isolee');
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        logementSocial: {
          bailleurs: [
            {
              bailleur: { code: 'RAH', nom: 'Rodez Agglo Habitat' },
              rapprochement: {
                statut: 'CERTAIN',
                score: 1,
                criteres: exact,
                explication: 'Rodez Agglo Habitat : rapprochement certain pour 1 bail (même nom, même prénom, même date de naissance, lieu de naissance non enregistré par le bailleur).',
              },
              baux: [
                {
                  reference: 'RAH-2023-00417',
                  typologie: 'T2',
                  surface: 48.5,
                  adresse: { ligne: '14 rue de Laumière', codePostal: '12000', commune: 'Rodez' },
                  loyer: 317,
                  charges: 45,
                  solde: 246,
                  moisImpayes: 3,
                  enImpaye: true,
                  planApurement: { mensualite: 40, dateDebut: '2026-07-01', dateFin: '2027-02-01', respecte: false },
                  dateEntree: '2023-09-01',
                },
              ],
              demandes: [],
            },
            aucun('AH', 'Aveyron Habitat'),
          ],
        },
      },
    ]);
  });

  it('finds the usage-name persona at RAH despite "ROUQUETTE-FABRE Marie Helene": compound name in part, accents and hyphens normalised', async () => {
    const result = await of('nom-usage');
    expect(result.errors).toBeUndefined();
    const { RAH, AH } = byCode(result);
    expect(RAH).toEqual({
      bailleur: { code: 'RAH', nom: 'Rodez Agglo Habitat' },
      rapprochement: {
        statut: 'CERTAIN',
        // The lease's record is the weakest retained: 0.45 × 0.9 (compound name in part) + 0.35 + 0.2.
        score: 0.955,
        criteres: ['NOM_COMPOSE_PARTIEL', 'PRENOM_IDENTIQUE', 'DATE_NAISSANCE_IDENTIQUE', 'LIEU_NAISSANCE_NON_COMPARE'],
        explication:
          'Rodez Agglo Habitat : rapprochement certain pour 1 bail et 1 demande de logement social (nom composé enregistré en partie, même prénom, même date de naissance, lieu de naissance non enregistré par le bailleur).',
      },
      baux: [
        {
          reference: 'RAH-2021-01960',
          typologie: 'T2',
          surface: 45,
          adresse: { ligne: '22 avenue Tarayre', codePostal: '12000', commune: 'Rodez' },
          loyer: 338,
          charges: 40,
          solde: 0,
          moisImpayes: 0,
          enImpaye: false,
          planApurement: null,
          dateEntree: '2021-12-01',
        },
      ],
      demandes: [{ numeroUnique: '012250300417G', dateDepot: '2025-03-12', dateRenouvellement: null, statut: 'ACTIVE', typologieSouhaitee: 'T3' }],
    });
    expect(AH).toEqual(aucun('AH', 'Aveyron Habitat'));
  });

  it.each<PersonaKey>(['homonyme-rodez', 'homonyme-millau'])('refuses %s at RAH as AMBIGU: no lease, an explanation naming no one', async (key) => {
    const result = await of(key);
    expect(result.errors).toBeUndefined();
    const { RAH, AH } = byCode(result);
    expect(RAH).toEqual({
      bailleur: { code: 'RAH', nom: 'Rodez Agglo Habitat' },
      rapprochement: {
        statut: 'AMBIGU',
        score: 1,
        criteres: exact,
        explication:
          'Rodez Agglo Habitat : 2 locataires correspondent aussi bien à cette identité (même nom, même prénom, même date de naissance, lieu de naissance non enregistré par le bailleur) ' +
          "et le bailleur ne permet pas de les distinguer : aucune donnée n'est affichée, pour ne pas confondre deux personnes. Vérifier l'identité directement auprès du bailleur.",
      },
      baux: [],
      demandes: [],
    });
    expect(AH).toEqual(aucun('AH', 'Aveyron Habitat'));
    expect(JSON.stringify(result)).not.toMatch(/RAH-20(18|20)|Béteille|Saint-Cyrice|Millau|Martin|Jean/i);
  });

  it('finds the persona born abroad at AH on the recorded birth place, in arrears with a plan kept', async () => {
    const result = await of('ne-a-l-etranger');
    expect(result.errors).toBeUndefined();
    const { RAH, AH } = byCode(result);
    expect(RAH).toEqual(aucun('RAH', 'Rodez Agglo Habitat'));
    expect(AH).toEqual({
      bailleur: { code: 'AH', nom: 'Aveyron Habitat' },
      rapprochement: {
        statut: 'CERTAIN',
        score: 1,
        criteres: ['NOM_IDENTIQUE', 'PRENOM_IDENTIQUE', 'DATE_NAISSANCE_IDENTIQUE', 'LIEU_NAISSANCE_IDENTIQUE'],
        explication: 'Aveyron Habitat : rapprochement certain pour 1 bail (même nom, même prénom, même date de naissance, même lieu de naissance).',
      },
      baux: [
        {
          reference: 'AH/12176/0415',
          typologie: 'T3',
          surface: 64,
          adresse: { ligne: '18 rue des Coquelicots', codePostal: '12850', commune: 'Onet-le-Château' },
          loyer: 389,
          charges: 60,
          solde: 520,
          moisImpayes: 4,
          enImpaye: true,
          planApurement: { mensualite: 50, dateDebut: '2026-06-01', dateFin: '2027-05-01', respecte: true },
          dateEntree: '2016-11-01',
        },
      ],
      demandes: [],
    });
  });

  it('finds both spouses on their shared AH lease: the wife, typed "BENALI JULIE", by her usage name', async () => {
    const result = await of('couple-parent-2', 'couple-parent-1');
    expect(result.errors).toBeUndefined();
    const bail = {
      reference: 'AH/12176/0932',
      typologie: 'T4',
      surface: 82,
      adresse: { ligne: '3 allée des Genêts', codePostal: '12850', commune: 'Onet-le-Château' },
      loyer: 435,
      charges: 80,
      solde: 0,
      moisImpayes: 0,
      enImpaye: false,
      planApurement: null,
      dateEntree: '2019-07-01',
    };
    expect(byCode(result, 0).AH).toEqual({
      bailleur: { code: 'AH', nom: 'Aveyron Habitat' },
      rapprochement: {
        statut: 'CERTAIN',
        score: 0.986, // 0.45 × 0.97 (usage name) + 0.35 + 0.2, rounded by the kit
        criteres: ['NOM_USAGE', 'PRENOM_IDENTIQUE', 'DATE_NAISSANCE_IDENTIQUE', 'LIEU_NAISSANCE_NON_COMPARE'],
        explication: "Aveyron Habitat : rapprochement certain pour 1 bail (nom d'usage, même prénom, même date de naissance, lieu de naissance non enregistré par le bailleur).",
      },
      baux: [bail],
      demandes: [],
    });
    expect(byCode(result, 1).AH).toMatchObject({
      rapprochement: { statut: 'CERTAIN', score: 1, criteres: ['NOM_IDENTIQUE', 'PRENOM_IDENTIQUE', 'DATE_NAISSANCE_IDENTIQUE', 'LIEU_NAISSANCE_IDENTIQUE'] },
      baux: [bail],
    });
    expect(byCode(result, 0).RAH).toEqual(aucun('RAH', 'Rodez Agglo Habitat'));
  });

  it('finds the retiree’s AH lease with his birth place', async () => {
    const { AH } = byCode(await of('retraite-aspa'));
    expect(AH).toMatchObject({
      rapprochement: { statut: 'CERTAIN', score: 1, criteres: ['NOM_IDENTIQUE', 'PRENOM_IDENTIQUE', 'DATE_NAISSANCE_IDENTIQUE', 'LIEU_NAISSANCE_IDENTIQUE'] },
      baux: [{ reference: 'AH/12264/0088', typologie: 'T2', surface: 51, loyer: 320, charges: 55, solde: 0, moisImpayes: 0, enImpaye: false, planApurement: null, dateEntree: '2004-10-01' }],
    });
  });

  it.each<PersonaKey>(['registre-seul', 'ne-en-corse'])('answers logementSocial: null without error when no landlord knows %s', async (key) => {
    expect(await of(key)).toEqual({ data: { _entities: [{ logementSocial: null }] } });
    expect(await rahCalls()).toHaveLength(1);
    expect(await ahCalls()).toHaveLength(1);
  });

  it('asks RAH once per distinct date of birth and AH once per 50 distinct dates, in one request', async () => {
    const random = population.personnes.filter((p) => !p.ref.startsWith('persona:')).slice(0, 120);
    const people = [...random, ...random.slice(0, 10)]; // 130 representations, some born the same day
    const dates = [...new Set(people.map((p) => p.dateNaissance))];
    expect(dates.length).toBeGreaterThan(100);
    expect(dates.length).toBeLessThan(people.length);
    const result = await entities(people.map(pivotOf), 'logementSocial { bailleurs { bailleur { code } rapprochement { statut } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toHaveLength(130);
    expect((await rahCalls()).sort()).toEqual(dates.map((d) => d.replaceAll('-', '')).sort());
    expect((await ahCalls()).map((batch) => batch.length)).toEqual([50, 50, dates.length - 100]);
    expect((await ahCalls()).flat().sort()).toEqual(dates.map((d) => d.replaceAll('-', '')).sort());
    // Somebody in there is a social tenant, matched CERTAIN, so the answers are not all null.
    const statuts = result.data!._entities.flatMap((e) => e?.logementSocial?.bailleurs.map((b) => b?.rapprochement.statut) ?? []);
    expect(statuts).toContain('CERTAIN');
  });

  it('keeps RAH calls within BAILLEURS_RAH_LEGACY_MAX_CONCURRENCY', async () => {
    const bounded = await createServer(
      loadBailleursConfig({ BAILLEURS_PORT: '0', BAILLEURS_RAH_LEGACY_URL: testUrlOf('rah'), BAILLEURS_RAH_LEGACY_MAX_CONCURRENCY: '2', BAILLEURS_AH_LEGACY_URL: testUrlOf('ah') }),
      silentLogger,
    );
    let inFlight = 0;
    let most = 0;
    bed.legacy.use(
      http.post(rahUrl, async ({ request }) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        const { date_naissance } = (await request.json()) as { date_naissance: string };
        // Yield a few turns of the event loop so that unbounded calls would pile up here.
        for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
        inFlight -= 1;
        return HttpResponse.json({ DATE_NAISSANCE: date_naissance, LOCATAIRES: [], DEMANDEURS: [] });
      }),
    );
    try {
      const people = population.personnes.filter((p) => !p.ref.startsWith('persona:')).slice(0, 12);
      const result = await entities(people.map(pivotOf), 'logementSocial { bailleurs { bailleur { code } } }', bounded);
      expect(result.errors).toBeUndefined();
      expect(await rahCalls()).toHaveLength(new Set(people.map((p) => p.dateNaissance)).size);
      expect(most).toBe(2);
    } finally {
      await bounded.stop();
    }
  });

  it('asks each landlord once for the two homonyms born the same day', async () => {
    const result = await of('homonyme-rodez', 'homonyme-millau');
    expect(result.data?._entities.map((e) => byCode({ data: { _entities: [e] } }).RAH?.rapprochement.statut)).toEqual(['AMBIGU', 'AMBIGU']);
    expect(await rahCalls()).toEqual(['19850314']);
    expect(await ahCalls()).toEqual([['19850314']]);
  });

  it('one landlord down: its entry is null with an error naming it at that index, the other’s lease intact', async () => {
    bed.legacy.use(http.post(rahUrl, () => HttpResponse.json({ code_erreur: 'SERVICE_INDISPONIBLE', libelle: 'Service momentanément indisponible' }, { status: 503 })));
    const result = await of('couple-parent-1');
    const bailleurs = result.data?._entities[0]?.logementSocial?.bailleurs;
    expect(bailleurs?.[0]).toBeNull();
    expect(bailleurs?.[1]).toMatchObject({ bailleur: { code: 'AH' }, rapprochement: { statut: 'CERTAIN' }, baux: [{ reference: 'AH/12176/0932' }] });
    expect(result.errors).toEqual([
      {
        message: 'The rah system is unavailable.',
        locations: expect.any(Array),
        path: ['_entities', 0, 'logementSocial', 'bailleurs', 0],
        extensions: { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'rah', retryable: true },
      },
    ]);
    expect(JSON.stringify(result)).not.toContain('legacy.test');
  });

  it('AH down: the RAH lease stays, and AH’s null entry carries its own error', async () => {
    bed.legacy.use(http.post(ahUrl, () => HttpResponse.json({ code_erreur: 'ERREUR_TECHNIQUE', libelle: 'Erreur technique' }, { status: 500 })));
    const result = await of('rsa-isolee');
    const bailleurs = result.data?._entities[0]?.logementSocial?.bailleurs;
    expect(bailleurs?.[0]).toMatchObject({ bailleur: { code: 'RAH' }, baux: [{ reference: 'RAH-2023-00417', solde: 246 }] });
    expect(bailleurs?.[1]).toBeNull();
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([[['_entities', 0, 'logementSocial', 'bailleurs', 1], { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'ah', retryable: true }]]);
  });

  it('does not turn an unanswered landlord into "unknown": a person no one else knows still gets the entries, with the error', async () => {
    bed.legacy.use(http.post(ahUrl, () => HttpResponse.json({ code_erreur: 'SERVICE_INDISPONIBLE', libelle: 'Service momentanément indisponible' }, { status: 503 })));
    const result = await of('registre-seul');
    expect(result.data?._entities[0]?.logementSocial?.bailleurs).toEqual([aucun('RAH', 'Rodez Agglo Habitat'), null]);
    expect(result.errors?.map((e) => e.extensions)).toEqual([{ code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'ah', retryable: true }]);
  });

  it('reports RAH refusing the credentials as PARTENAIRE_ACCES_REFUSE, not retryable', async () => {
    bed.legacy.use(http.post(rahUrl, () => HttpResponse.json({ code_erreur: 'AUTH_REFUSEE', libelle: "Clé d'API absente ou invalide" }, { status: 401 })));
    const result = await of('rsa-isolee');
    expect(result.errors?.map((e) => e.extensions)).toEqual([{ code: 'PARTENAIRE_ACCES_REFUSE', partenaire: 'rah', retryable: false }]);
  });

  it.each([
    [
      'rah',
      rahUrl,
      {
        DATE_NAISSANCE: '19860417',
        LOCATAIRES: [{ NOM: 'DELMAS', PRENOM: 'Séverine', DATE_NAISSANCE: '19860417', LIEU_NAISSANCE: null, BAUX: [{ REF_BAIL: 'RAH-2023-00417', LOYER: '317,00' }] }],
        DEMANDEURS: [],
      },
      1,
    ],
    [
      'rah',
      rahUrl,
      {
        DATE_NAISSANCE: '19860417',
        LOCATAIRES: [],
        DEMANDEURS: [
          {
            NOM: 'DELMAS',
            PRENOM: 'Séverine',
            DATE_NAISSANCE: '19860417',
            LIEU_NAISSANCE: null,
            DEMANDE: { NUM_UNIQUE: 'X', DATE_DEPOT: '20250312', DATE_RENOUV: null, CODE_STATUT: 'EN_COURS', TYPE_LGT_SOUHAITE: 'T3' },
          },
        ],
      },
      1,
    ],
    [
      'ah',
      ahUrl,
      {
        page: 1,
        taillePage: 200,
        nbResultats: 1,
        nbPages: 1,
        resultats: [{ typeFiche: 'GARAGE', personne: { nom: 'DELMAS', prenom: 'SEVERINE', dateNaissance: '19860417', codeInseeNaissance: null }, bail: null, demande: null }],
      },
      0,
    ],
    ['ah', ahUrl, { page: 1, nbResultats: 0, resultats: [] }, 0],
  ] as const)('reports a malformed %s payload as PARTENAIRE_REPONSE_INVALIDE at that landlord only', async (partenaire, url, payload, intact) => {
    bed.legacy.use(http.post(url, () => HttpResponse.json(payload)));
    const result = await of('rsa-isolee');
    const bailleurs = result.data?._entities[0]?.logementSocial?.bailleurs;
    expect(bailleurs?.[1 - intact]).toBeNull();
    expect(bailleurs?.[intact]).not.toBeNull();
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [['_entities', 0, 'logementSocial', 'bailleurs', 1 - intact], { code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire, retryable: false }],
    ]);
    expect(JSON.stringify(result)).not.toMatch(/DELMAS|Séverine/);
  });

  it('answers null without calling any landlord when the register only knows part of the date of birth', async () => {
    const pivot = { ...pivotOf(population.persona('rsa-isolee')), dateNaissance: '1986-04' };
    expect(await entities([pivot])).toEqual({ data: { _entities: [{ logementSocial: null }] } });
    expect(await rahCalls()).toEqual([]);
    expect(await ahCalls()).toEqual([]);
  });

  it('rejects a representation without a usable pivot identity with ARGUMENT_INVALIDE', async () => {
    const result = await entities([{ nomNaissance: 'Delmas', prenoms: ['Séverine'] }, pivotOf(population.persona('rsa-isolee'))], 'logementSocial { bailleurs { bailleur { code } } }');
    expect(result.data?._entities).toEqual([null, { logementSocial: { bailleurs: [{ bailleur: { code: 'RAH' } }, { bailleur: { code: 'AH' } }] } }]);
    expect(result.errors?.[0]?.path).toEqual(['_entities', 0]);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'ARGUMENT_INVALIDE', argument: 'representations', retryable: false });
    expect(await rahCalls()).toEqual(['19860417']);
  });
});
