import { createPopulation, legacySystem, queryEntities, testUrlOf, unknownNir, useSubgraphTestBed, type GraphQLAnswer, type PersonaKey, type Personne } from '@passerelle/mocks';
import { silentLogger } from '@passerelle/subgraph-kit';
import { http, HttpResponse } from 'msw';
import { createServer, loadEtatConfig } from '../src/index';

const nirUrl = `${testUrlOf('siao')}/si-siao/v3/personnes/recherche-nir`;
const identiteUrl = `${testUrlOf('siao')}/si-siao/v3/personnes/recherche-identite`;
// Seed 1 at 3,000 people holds eight SIAO requests, two of them with no NIR recorded.
const population = createPopulation({ size: 3000, seed: 1 });
const bed = useSubgraphTestBed({
  population,
  systems: ['siao'],
  start: () => createServer(loadEtatConfig({ ETAT_PORT: '0', ETAT_LEGACY_URL: testUrlOf('siao'), ETAT_LEGACY_API_KEY: legacySystem('siao').devApiKey }), silentLogger),
});

/** The SIAO calls of the current test: the NIR batches (their NIR counts) and the identity searches. */
const calls = async () => {
  const bodies = (await bed.calls('siao').bodies()) as Array<{ nirs?: string[]; nom_naissance?: string }>;
  return { nir: bodies.filter((b) => b.nirs).map((b) => b.nirs!.length), identite: bodies.filter((b) => b.nom_naissance !== undefined).length };
};

type Demande = { reference: string; dateDemande: string; type: string; statut: string; orientation: { dispositif: string; structure: string; date: string } | null };
type Entity = { hebergement: { demandeEnCours: Demande | null; demandes: Demande[]; rapprochement: { statut: string; score: number; explication: string } | null } | null };

const full = `hebergement {
  demandeEnCours { reference dateDemande type statut orientation { dispositif structure date } }
  demandes { reference dateDemande type statut orientation { dispositif structure date } }
  rapprochement { statut score explication }
}`;

/** The pivot identity the register resolved, which the gateway adds for `hebergement`'s @requires. */
const pivotOf = (p: Personne) => ({
  nomNaissance: p.nomNaissance,
  nomUsage: p.nomUsage,
  prenoms: p.prenoms,
  sexe: p.sexe === 1 ? 'M' : 'F',
  dateNaissance: p.dateNaissance,
  codeLieuNaissance: p.lieuNaissance.code,
});
const representationOf = (p: Personne) => ({ nir: p.nir, identitePivot: pivotOf(p) });
const entities = (representations: Array<Record<string, unknown>>, selection = full): Promise<GraphQLAnswer<{ _entities: Array<Entity | null> }>> =>
  queryEntities<Entity>(bed.server, representations, selection);
const persona = (key: PersonaKey) => population.persona(key);

const sansNir = population.siao.find((d) => !d.nirConnu && d.orientation !== null)!;
const membresSansNir = sansNir.personnes.map((ref) => population.personneParRef.get(ref)!);

/** A SI-SIAO person as its API returns it, for the tests that replace its answers. */
const personneSiao = (over: Record<string, unknown> = {}) => ({
  nir: null,
  nom_naissance: 'ROUX',
  nom_usage: null,
  prenom: 'Mickaël',
  cd_sexe: '1',
  dt_naissance: '19790826',
  demande_en_cours: {
    num_demande: 'SIAO-12-00042',
    dt_demande: '20250214',
    cd_type: 'U',
    cd_statut: 'HEB',
    orientation: { cd_dispositif: 'CHRS', lib_structure: 'CHRS Rodez Agglomération', dt_orientation: '20250303' },
  },
  historique: [],
  ...over,
});
const noneByNir = () => bed.legacy.use(http.post(nirUrl, () => HttpResponse.json({ personnes: [], nb_non_trouves: 1 })));
const identityAnswers = (personnes: unknown[]) => bed.legacy.use(http.post(identiteUrl, () => HttpResponse.json({ personnes })));

describe('etat subgraph', () => {
  it('serves the homeless persona’s sheltered emergency request, found by NIR with one call and no identity search', async () => {
    const result = await entities([representationOf(persona('sans-domicile'))]);
    expect(result.errors).toBeUndefined();
    const demande = {
      reference: 'SIAO-12-00042',
      dateDemande: '2025-02-14',
      type: 'URGENCE',
      statut: 'HEBERGEE',
      orientation: { dispositif: 'CHRS', structure: 'CHRS Rodez Agglomération', date: '2025-03-03' },
    };
    expect(result.data?._entities).toEqual([{ hebergement: { demandeEnCours: demande, demandes: [demande], rapprochement: null } }]);
    expect(await calls()).toEqual({ nir: [1], identite: 0 });
  });

  it('finds each member of a household whose NIRs SI-SIAO never recorded by identity, after one NIR batch', async () => {
    expect(membresSansNir.length).toBe(3);
    const result = await entities(membresSansNir.map(representationOf));
    expect(result.errors).toBeUndefined();
    const o = sansNir.orientation!;
    const demande = {
      reference: sansNir.reference,
      dateDemande: sansNir.dateDemande,
      type: sansNir.type,
      statut: sansNir.statut,
      orientation: { dispositif: o.dispositif, structure: o.structure, date: o.date },
    };
    const explication = "SIAO : rapprochement certain sans NIR, sur l'identité déclarée, pour 1 demande (même nom, même prénom, même date de naissance, lieu de naissance non enregistré par le SIAO).";
    expect(result.data?._entities).toEqual(membresSansNir.map(() => ({ hebergement: { demandeEnCours: demande, demandes: [demande], rapprochement: { statut: 'CERTAIN', score: 1, explication } } })));
    expect(await calls()).toEqual({ nir: [3], identite: 3 });
  });

  it('answers null for the twelve other personas: one NIR call, then one identity search per distinct identity', async () => {
    const others = (
      [
        'rsa-isolee',
        'couple-parent-1',
        'couple-parent-2',
        'retraite-aspa',
        'nom-usage',
        'homonyme-rodez',
        'homonyme-millau',
        'ne-en-corse',
        'ne-a-l-etranger',
        'registre-seul',
        'exploitant-agricole',
        'demandeur-emploi',
      ] as const
    ).map(persona);
    const result = await entities(others.map(representationOf), 'hebergement { demandes { reference } }');
    expect(result).toEqual({ data: { _entities: others.map(() => ({ hebergement: null })) } });
    // The two Jean Martin born on 14 March 1985 make the same search: it is asked once.
    expect(await calls()).toEqual({ nir: [12], identite: 11 });
  });

  it('answers 60 usagers in order with two NIR batches (50 + 10) and an identity search only for those not found by NIR', async () => {
    const generated = population.personnes.filter((p) => !p.ref.startsWith('persona:'));
    const people = [...generated.slice(0, 57), persona('sans-domicile'), ...membresSansNir.slice(0, 2)];
    people.splice(20, 0, people.pop()!);
    const byNir = people.filter((p) => population.demandesSiaoParRef.get(p.ref)?.some((d) => d.nirConnu));
    const expected = people.map((p) => ({
      hebergement: population.demandesSiaoParRef.has(p.ref) ? { demandes: population.demandesSiaoParRef.get(p.ref)!.map((d) => ({ reference: d.reference })) } : null,
    }));
    expect(expected.filter((e) => e.hebergement !== null).length).toBeGreaterThanOrEqual(3);
    const result = await entities(people.map(representationOf), 'hebergement { demandes { reference } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual(expected);
    const searches = new Set(people.filter((p) => !byNir.includes(p)).map((p) => [p.nomNaissance, p.prenoms[0], p.dateNaissance].join('|')));
    expect(searches.size).toBeGreaterThan(50);
    expect(await calls()).toEqual({ nir: [50, 10], identite: searches.size });
  });

  it('refuses an ambiguous identity match: AMBIGU, explained, and no request shown', async () => {
    noneByNir();
    identityAnswers([personneSiao(), personneSiao({ demande_en_cours: null, historique: [] })]);
    const result = await entities([representationOf(persona('sans-domicile'))]);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        hebergement: {
          demandeEnCours: null,
          demandes: [],
          rapprochement: {
            statut: 'AMBIGU',
            score: 1,
            explication:
              "SIAO : 2 personnes connues du SIAO correspondent aussi bien à cette identité (même nom, même prénom, même date de naissance, lieu de naissance non enregistré par le SIAO) et le SIAO n'a pas leur NIR pour les distinguer : aucune demande n'est affichée, pour ne pas confondre deux personnes. Vérifier l'identité directement auprès du SIAO.",
          },
        },
      },
    ]);
  });

  it('retains a match on a secondary first name as PROBABLE, and lists past requests after the current one', async () => {
    noneByNir();
    const cloturee = {
      num_demande: 'SIAO-12-00007',
      dt_demande: '20230110',
      cd_type: 'I',
      cd_statut: 'CLO',
      orientation: { cd_dispositif: 'PF', lib_structure: 'Pension de famille Le Faubourg', dt_orientation: '20230301' },
    };
    identityAnswers([personneSiao({ prenom: 'Paul', historique: [cloturee] })]);
    const pivot = { ...pivotOf(persona('sans-domicile')), prenoms: ['Mickaël', 'Paul'] };
    const result = await entities(
      [{ nir: unknownNir(), identitePivot: pivot }],
      'hebergement { demandeEnCours { reference } demandes { reference type statut orientation { dispositif date } } rapprochement { statut score explication } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        hebergement: {
          demandeEnCours: { reference: 'SIAO-12-00042' },
          demandes: [
            { reference: 'SIAO-12-00042', type: 'URGENCE', statut: 'HEBERGEE', orientation: { dispositif: 'CHRS', date: '2025-03-03' } },
            { reference: 'SIAO-12-00007', type: 'INSERTION', statut: 'CLOTUREE', orientation: { dispositif: 'PENSION_DE_FAMILLE', date: '2023-03-01' } },
          ],
          rapprochement: {
            statut: 'PROBABLE',
            score: 0.948,
            explication:
              "SIAO : rapprochement probable sans NIR, sur l'identité déclarée, pour 2 demandes (même nom, second prénom, même date de naissance, lieu de naissance non enregistré par le SIAO). À confirmer avec la personne avant d'agir.",
          },
        },
      },
    ]);
  });

  it('matches a person known by a provisional key by pivot identity only: no NIR call, one identity search', async () => {
    const [membre] = membresSansNir;
    const result = await entities([{ nir: 'PRV000000000042', identitePivot: pivotOf(membre!) }], 'hebergement { demandes { reference } rapprochement { statut } }');
    expect(result).toEqual({ data: { _entities: [{ hebergement: { demandes: [{ reference: sansNir.reference }], rapprochement: { statut: 'CERTAIN' } } }] } });
    expect(await calls()).toEqual({ nir: [], identite: 1 });
  });

  it('leaves out an identity candidate whose recorded NIR is someone else’s', async () => {
    noneByNir();
    identityAnswers([personneSiao({ nir: unknownNir(7) })]);
    const result = await entities([representationOf(persona('sans-domicile'))]);
    expect(result).toEqual({ data: { _entities: [{ hebergement: null }] } });
  });

  it('spends no NIR call on a malformed NIR and no identity search on a partial date of birth', async () => {
    const roux = persona('sans-domicile');
    const result = await entities(
      [
        { nir: 'not-a-nir', identitePivot: pivotOf(roux) },
        { nir: unknownNir(), identitePivot: { ...pivotOf(roux), dateNaissance: '1979-08' } },
      ],
      'hebergement { demandes { reference } rapprochement { statut } }',
    );
    expect(result).toEqual({ data: { _entities: [{ hebergement: { demandes: [{ reference: 'SIAO-12-00042' }], rapprochement: { statut: 'CERTAIN' } } }, { hebergement: null }] } });
    expect(await calls()).toEqual({ nir: [1], identite: 1 });
  });

  it('rejects a representation without the pivot identity, for that entity only', async () => {
    const result = await entities([{ nir: persona('sans-domicile').nir }, representationOf(persona('sans-domicile'))], 'hebergement { demandes { reference } }');
    expect(result.data?._entities).toEqual([null, { hebergement: { demandes: [{ reference: 'SIAO-12-00042' }] } }]);
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([[['_entities', 0], { code: 'ARGUMENT_INVALIDE', argument: 'representations', retryable: false }]]);
  });

  it.each([
    // 1 call and 3 retries of the failing search: a read is retried on a 5xx (the kit's default _LEGACY_RETRIES).
    ['the NIR search', nirUrl, { nir: [1, 1, 1, 1], identite: 0 }],
    ['the identity search', identiteUrl, { nir: [1], identite: 4 }],
  ])('turns an outage of %s into PARTENAIRE_INDISPONIBLE, without the legacy URL', async (_case, url, expectedCalls) => {
    bed.legacy.use(http.post(url, () => HttpResponse.json({ code_erreur: 'SERVICE_INDISPONIBLE', libelle: 'Service momentanément indisponible' }, { status: 503 })));
    const result = await entities([representationOf(persona('rsa-isolee'))], 'hebergement { demandes { reference } }');
    expect(result.data?._entities).toEqual([{ hebergement: null }]);
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([[['_entities', 0, 'hebergement'], { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'siao', retryable: true }]]);
    expect(JSON.stringify(result)).not.toContain('legacy.test');
    expect(await calls()).toEqual(expectedCalls);
  });

  it.each([
    ['a NIR answer without its count', nirUrl, { personnes: [] }, persona('sans-domicile')],
    [
      'an undocumented status code',
      nirUrl,
      { personnes: [personneSiao({ nir: persona('sans-domicile').nir, demande_en_cours: { ...personneSiao().demande_en_cours, cd_statut: 'HBG' } })], nb_non_trouves: 0 },
      persona('sans-domicile'),
    ],
    ['an ISO date in an identity answer', identiteUrl, { personnes: [personneSiao({ dt_naissance: '1979-08-26' })] }, persona('rsa-isolee')],
  ])('reports a SIAO payload with %s as PARTENAIRE_REPONSE_INVALIDE', async (_case, url, payload, who) => {
    bed.legacy.use(http.post(url, () => HttpResponse.json(payload)));
    const result = await entities([representationOf(who)], 'hebergement { demandes { reference } }');
    expect(result.data?._entities).toEqual([{ hebergement: null }]);
    expect(result.errors?.map((e) => e.extensions)).toEqual([{ code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'siao', retryable: false }]);
    expect(JSON.stringify(result)).not.toContain(who.nir);
  });
});
