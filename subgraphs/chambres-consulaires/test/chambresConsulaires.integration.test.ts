import { expect } from '@jest/globals';
import { createPopulation, legacySystem, queryEntities, testUrlOf, useSubgraphTestBed, type GraphQLAnswer, type PersonaKey, type Personne } from '@passerelle/mocks';
import { silentLogger } from '@passerelle/subgraph-kit';
import { http, HttpResponse } from 'msw';
import { createServer, loadChambresConsulairesConfig } from '../src/index';

const urls = {
  cci: `${testUrlOf('cci')}/api/v2/ressortissants/recherche`,
  cma: `${testUrlOf('cma')}/rm/v1/artisans/recherche`,
  'chambre-agriculture': `${testUrlOf('chambre-agriculture')}/api/exploitants/recherche`,
} as const;
type Systeme = keyof typeof urls;
const systemes = Object.keys(urls) as Systeme[];

const population = createPopulation({ size: 300, seed: 7 });
const bed = useSubgraphTestBed({
  population,
  systems: systemes,
  start: () =>
    createServer(
      loadChambresConsulairesConfig({
        CHAMBRES_CONSULAIRES_PORT: '0',
        CHAMBRES_CONSULAIRES_CCI_LEGACY_URL: testUrlOf('cci'),
        CHAMBRES_CONSULAIRES_CCI_LEGACY_API_KEY: legacySystem('cci').devApiKey,
        CHAMBRES_CONSULAIRES_CMA_LEGACY_URL: testUrlOf('cma'),
        CHAMBRES_CONSULAIRES_CMA_LEGACY_API_KEY: legacySystem('cma').devApiKey,
        CHAMBRES_CONSULAIRES_CHAMBRE_AGRICULTURE_LEGACY_URL: testUrlOf('chambre-agriculture'),
        CHAMBRES_CONSULAIRES_CHAMBRE_AGRICULTURE_LEGACY_API_KEY: legacySystem('chambre-agriculture').devApiKey,
      }),
      silentLogger,
    ),
});

type Situation = {
  chambre: { code: string; nom: string };
  rapprochement: { statut: string; score: number | null; criteres: string[]; explication: string };
  entreprises: Array<Record<string, unknown>>;
  accompagnements: Array<Record<string, unknown>>;
  exploitantEnDifficulte: Record<string, unknown> | null;
};
type Entity = { chambresConsulaires: { chambres: Array<Situation | null> } | null };
type Answer = GraphQLAnswer<{ _entities: Array<Entity | null> }>;

const full = `chambresConsulaires { chambres {
  chambre { code nom }
  rapprochement { statut score criteres explication }
  entreprises { siren denomination forme formeJuridique codeActivite activite qualificationArtisanale dateImmatriculation etat dateRadiation }
  accompagnements { type intitule dateDebut dateFin enCours structure }
  exploitantEnDifficulte { etat enCours dispositif dateSignalement dateEtat }
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
const entities = (pivots: unknown[], selection = full) =>
  queryEntities<Entity>(
    bed.server,
    pivots.map((identitePivot) => ({ identitePivot })),
    selection,
  );
const of = (...keys: PersonaKey[]) => entities(keys.map((k) => pivotOf(population.persona(k))));
const chambresOf = (answer: Answer, index = 0) => answer.data?._entities[index]?.chambresConsulaires?.chambres;
const callCounts = () => systemes.map((s) => bed.calls(s).count());

const aucun = (code: string, nom: string): Situation => ({
  chambre: { code, nom },
  rapprochement: { statut: 'AUCUN', score: null, criteres: [], explication: `${nom} : aucun chef d'entreprise ni exploitant ne correspond à cette identité.` },
  entreprises: [],
  accompagnements: [],
  exploitantEnDifficulte: null,
});
const cci = aucun('CCI', 'CCI Aveyron');
const cma = aucun('CMA', "Chambre de métiers et de l'artisanat de l'Aveyron");
const agri = aucun('CHAMBRE_AGRICULTURE', "Chambre d'agriculture de l'Aveyron");
const cmaService = "CMA Occitanie – niveau départemental de l'Aveyron";

describe('chambres-consulaires subgraph', () => {
  it('finds the micro-entrepreneur at the CMA only: her micro-enterprise, qualification and support, with one call per chamber', async () => {
    const result = await of('micro-entrepreneur');
    expect(result.errors).toBeUndefined();
    expect(chambresOf(result)).toEqual([
      cci,
      {
        chambre: cma.chambre,
        rapprochement: {
          statut: 'CERTAIN',
          score: 1,
          criteres: ['NOM_IDENTIQUE', 'PRENOM_IDENTIQUE', 'DATE_NAISSANCE_IDENTIQUE', 'LIEU_NAISSANCE_IDENTIQUE'],
          explication: "Chambre de métiers et de l'artisanat de l'Aveyron : rapprochement certain pour 1 entreprise (même nom, même prénom, même date de naissance, même lieu de naissance).",
        },
        entreprises: [
          {
            siren: '924518301',
            denomination: 'AURELIE COIFFURE A DOMICILE',
            forme: 'MICRO_ENTREPRENEUR',
            formeJuridique: null,
            codeActivite: '96.02A',
            activite: 'COIFFURE A DOMICILE',
            qualificationArtisanale: 'ARTISAN',
            dateImmatriculation: '2024-03-04',
            etat: 'ACTIVE',
            dateRadiation: null,
          },
        ],
        accompagnements: [
          {
            type: 'INFORMATION',
            intitule: 'Réunion d’information « Créer son entreprise artisanale »',
            dateDebut: '2023-11-16',
            dateFin: '2023-11-16',
            enCours: false,
            structure: `${cmaService}, service Création-Reprise`,
          },
          {
            type: 'FORMATION_CREATION',
            intitule: 'Stage de préparation à l’installation (5 jours)',
            dateDebut: '2024-01-22',
            dateFin: '2024-01-26',
            enCours: false,
            structure: `${cmaService}, service Formation`,
          },
          {
            type: 'FORMALITES',
            intitule: 'Pack micro-entrepreneur : aide aux formalités sur le guichet unique',
            dateDebut: '2024-02-20',
            dateFin: '2024-02-20',
            enCours: false,
            structure: `${cmaService}, service Création-Reprise`,
          },
          {
            type: 'SUIVI_POST_CREATION',
            intitule: 'Suivi post-création (diagnostic à 12 mois, point chiffre d’affaires)',
            dateDebut: '2025-03-10',
            dateFin: null,
            enCours: true,
            structure: `${cmaService}, service Développement économique`,
          },
        ],
        exploitantEnDifficulte: null,
      },
      agri,
    ]);
    expect(callCounts()).toEqual([1, 1, 1]);
  });

  it('finds the farmer at the Chambre d’agriculture, in a restructuring plan under AREA', async () => {
    const result = await of('exploitant-agricole');
    expect(result.errors).toBeUndefined();
    const [c, m, a] = chambresOf(result)!;
    expect([c, m]).toEqual([cci, cma]);
    expect(a).toEqual({
      chambre: agri.chambre,
      rapprochement: expect.objectContaining({ statut: 'CERTAIN', criteres: ['NOM_IDENTIQUE', 'PRENOM_IDENTIQUE', 'DATE_NAISSANCE_IDENTIQUE', 'LIEU_NAISSANCE_NON_COMPARE'] }),
      entreprises: [
        {
          siren: '404383218',
          denomination: 'BOUSQUET THIERRY',
          forme: 'ENTREPRISE_INDIVIDUELLE',
          formeJuridique: null,
          codeActivite: '01.45Z',
          activite: 'Ovins lait (brebis laitières)',
          qualificationArtisanale: null,
          dateImmatriculation: '1996-04-01',
          etat: 'ACTIVE',
          dateRadiation: null,
        },
      ],
      accompagnements: [
        expect.objectContaining({ type: 'INSTALLATION_AGRICOLE', intitule: 'Point accueil installation', dateDebut: '1995-09-12' }),
        expect.objectContaining({ type: 'INSTALLATION_AGRICOLE', intitule: 'Plan de professionnalisation personnalisé' }),
        expect.objectContaining({ type: 'DIFFICULTES_AGRICOLES', dateDebut: '2026-02-10', enCours: false }),
        expect.objectContaining({ type: 'DIFFICULTES_AGRICOLES', intitule: 'Audit global de l’exploitation' }),
        {
          type: 'DIFFICULTES_AGRICOLES',
          intitule: 'Suivi technico-économique du plan de restructuration',
          dateDebut: '2026-09-15',
          dateFin: null,
          enCours: true,
          structure: "Chambre d'agriculture de l'Aveyron – service Entreprise",
        },
      ],
      exploitantEnDifficulte: { etat: 'PLAN_RESTRUCTURATION', enCours: true, dispositif: 'AREA', dateSignalement: '2026-01-27', dateEtat: '2026-09-15' },
    });
  });

  it('answers null, without error, for people no chamber knows', async () => {
    const result = await of('registre-seul', 'rsa-isolee', 'retraite-aspa');
    expect(result).toEqual({ data: { _entities: [{ chambresConsulaires: null }, { chambresConsulaires: null }, { chambresConsulaires: null }] } });
    expect(callCounts()).toEqual([1, 1, 1]);
  });

  it('refuses the CMA match of the two Jean Martin born the same day as AMBIGU, with no data, asking once for their date', async () => {
    const result = await of('homonyme-rodez', 'homonyme-millau');
    for (const index of [0, 1]) {
      expect(chambresOf(result, index)?.[1]).toEqual({
        ...cma,
        rapprochement: {
          statut: 'AMBIGU',
          score: expect.any(Number),
          criteres: ['NOM_IDENTIQUE', 'PRENOM_IDENTIQUE', 'DATE_NAISSANCE_IDENTIQUE', 'LIEU_NAISSANCE_NON_COMPARE'],
          explication:
            "Chambre de métiers et de l'artisanat de l'Aveyron : 2 fiches correspondent aussi bien à cette identité (même nom, même prénom, même date de naissance, lieu de naissance non enregistré par la chambre) et la chambre ne permet pas de les distinguer : aucune donnée n'est affichée, pour ne pas confondre deux personnes. Vérifier l'identité directement auprès de la chambre.",
        },
      });
    }
    expect(await bed.calls('cma').bodies()).toEqual([{ DATES_NAISS: ['19850314'] }]);
  });

  it('batches distinct dates within each chamber’s own limit: 51 people cost 2 CCI calls (50), 3 CMA calls (20), 3 Chambre d’agriculture calls (25)', async () => {
    const byDate = new Map(population.personnes.map((p) => [p.dateNaissance, p]));
    const people = [...byDate.values()].slice(0, 51);
    expect(people).toHaveLength(51);
    const result = await entities(people.map(pivotOf), 'chambresConsulaires { chambres { chambre { code } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toHaveLength(51);
    expect(callCounts()).toEqual([2, 3, 3]);
    expect((await bed.calls('chambre-agriculture').bodies()).map((b) => (b as { naissances: string[] }).naissances.length)).toEqual([25, 25, 1]);
  });

  it.each([
    ['cci', 0],
    ['cma', 1],
    ['chambre-agriculture', 2],
  ] as const)('one chamber down (%s): its entry is null with an error naming it at its index, the others intact', async (systeme, index) => {
    bed.legacy.use(http.post(urls[systeme], () => HttpResponse.json({ code_erreur: 'SERVICE_INDISPONIBLE', libelle: 'Service momentanément indisponible' }, { status: 503 })));
    const result = await of('micro-entrepreneur', 'exploitant-agricole');
    const [costes, bousquet] = [chambresOf(result, 0)!, chambresOf(result, 1)!];
    expect(costes[index]).toBeNull();
    expect(bousquet[index]).toBeNull();
    if (systeme !== 'cma') expect(costes[1]).toMatchObject({ rapprochement: { statut: 'CERTAIN' }, entreprises: [{ siren: '924518301' }] });
    if (systeme !== 'chambre-agriculture') expect(bousquet[2]).toMatchObject({ exploitantEnDifficulte: { etat: 'PLAN_RESTRUCTURATION' } });
    expect(result.errors).toEqual(
      [0, 1].map((entity) => ({
        message: `The ${systeme} system is unavailable.`,
        locations: expect.any(Array),
        path: ['_entities', entity, 'chambresConsulaires', 'chambres', index],
        extensions: { code: 'PARTENAIRE_INDISPONIBLE', partenaire: systeme, retryable: true },
      })),
    );
    expect(JSON.stringify(result)).not.toContain('legacy.test');
  });

  it('does not turn an unanswered chamber into "unknown": a person no chamber knows still gets the entries, with the error', async () => {
    bed.legacy.use(http.post(urls.cci, () => HttpResponse.json({ code_erreur: 'ERREUR_TECHNIQUE', libelle: 'Erreur technique' }, { status: 500 })));
    const result = await of('registre-seul');
    expect(chambresOf(result)).toEqual([null, cma, agri]);
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [['_entities', 0, 'chambresConsulaires', 'chambres', 0], { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'cci', retryable: true }],
    ]);
  });

  it('reports a chamber refusing the credentials as PARTENAIRE_ACCES_REFUSE, not retryable', async () => {
    bed.legacy.use(http.post(urls['chambre-agriculture'], () => HttpResponse.json({ code_erreur: 'AUTH_REFUSEE', libelle: "Clé d'API absente ou invalide" }, { status: 401 })));
    const result = await of('exploitant-agricole');
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [['_entities', 0, 'chambresConsulaires', 'chambres', 2], { code: 'PARTENAIRE_ACCES_REFUSE', partenaire: 'chambre-agriculture', retryable: false }],
    ]);
  });

  it.each([
    [
      'cci',
      0,
      {
        ressortissants: [{ identite: { nomNaissance: 'COSTES', nomUsage: null, prenoms: ['Aurélie'], dateNaissance: '14/06/1991', codeCommuneNaissance: '46102' }, entreprises: [], prestations: [] }],
      },
    ],
    ['cma', 1, { NB: 1, ARTISANS: [{ NOM: 'COSTES', NOM_USAGE: null, PRENOMS: 'AURELIE', DATE_NAISS: '19910614', LIEU_NAISS: '46102', ENTREPRISES: [], PRESTATIONS: [] }] }],
    [
      'chambre-agriculture',
      2,
      {
        exploitants: [
          {
            nom: 'COSTES',
            prenom: 'Aurélie',
            naissance: '14/06/1991',
            exploitations: [],
            accompagnements: [],
            suiviDifficulte: { etape: 'LIQUIDATION', dispositif: 'AREA', dateSignalement: '01/01/2026', dateEtape: '01/02/2026' },
          },
        ],
      },
    ],
  ] as const)('reports a malformed %s payload as PARTENAIRE_REPONSE_INVALIDE at that chamber only, quoting no name', async (systeme, index, payload) => {
    bed.legacy.use(http.post(urls[systeme], () => HttpResponse.json(payload)));
    const result = await of('micro-entrepreneur');
    const chambres = chambresOf(result)!;
    expect(chambres[index]).toBeNull();
    expect(chambres.filter((c) => c !== null)).toHaveLength(2);
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [['_entities', 0, 'chambresConsulaires', 'chambres', index], { code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: systeme, retryable: false }],
    ]);
    expect(JSON.stringify(result.errors)).not.toMatch(/COSTES|Aurélie|AURELIE/);
  });

  it('answers null without calling any chamber when the register only knows part of the date of birth', async () => {
    const pivot = { ...pivotOf(population.persona('micro-entrepreneur')), dateNaissance: '1991-06' };
    expect(await entities([pivot])).toEqual({ data: { _entities: [{ chambresConsulaires: null }] } });
    expect(callCounts()).toEqual([0, 0, 0]);
  });

  it('refuses a representation without a valid pivot identity at its own index, the others answered', async () => {
    const result = await queryEntities<Entity>(
      bed.server,
      [{ nir: '286041220200135' }, { identitePivot: pivotOf(population.persona('micro-entrepreneur')) }],
      'chambresConsulaires { chambres { chambre { code } } }',
    );
    expect(result.data?._entities[0]).toBeNull();
    expect(result.data?._entities[1]?.chambresConsulaires?.chambres).toHaveLength(3);
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([[['_entities', 0], { code: 'ARGUMENT_INVALIDE', argument: 'representations', retryable: false }]]);
  });
});
