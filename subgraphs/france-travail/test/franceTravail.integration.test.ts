import { createPopulation, legacySystem, queryEntities, testUrlOf, unknownNir, useSubgraphTestBed, type PersonaKey, type Personne } from '@passerelle/mocks';
import { silentLogger } from '@passerelle/subgraph-kit';
import { http, HttpResponse } from 'msw';
import { createServer, loadFranceTravailConfig } from '../src/index';

const base = testUrlOf('france-travail');
const identificationUrl = `${base}/partenaires/v1/individus/identification`;
const dossiersUrl = `${base}/partenaires/v1/dossiers/lot`;
// Large enough for more than 50 job seekers (94 with this seed), for the batching tests.
const population = createPopulation({ size: 1500, seed: 7 });
const bed = useSubgraphTestBed({
  population,
  systems: ['france-travail'],
  start: () =>
    createServer(loadFranceTravailConfig({ FRANCE_TRAVAIL_PORT: '0', FRANCE_TRAVAIL_LEGACY_URL: base, FRANCE_TRAVAIL_LEGACY_API_KEY: legacySystem('france-travail').devApiKey }), silentLogger),
});

interface Bodies {
  identification: Array<{ individus: unknown[] }>;
  dossiers: Array<{ identifiants: string[] }>;
}
/** The calls France Travail received during the current test, split by step, in call order. */
async function calls(): Promise<Bodies> {
  const bodies = (await bed.calls('france-travail').bodies()) as Array<Record<string, unknown>>;
  return {
    identification: bodies.filter((b): b is { individus: unknown[] } => 'individus' in b),
    dossiers: bodies.filter((b): b is { identifiants: string[] } => 'identifiants' in b),
  };
}
const batchSizes = async () => {
  const c = await calls();
  return { identification: c.identification.map((b) => b.individus.length), dossiers: c.dossiers.map((b) => b.identifiants.length) };
};

/** The representation the gateway sends: the NIR key and the date of birth `franceTravail` @requires from the identity register. */
const rep = (p: Pick<Personne, 'nir' | 'dateNaissance'>, dateNaissance = p.dateNaissance) => ({ nir: p.nir, identitePivot: { dateNaissance } });
const persona = (key: PersonaKey) => population.persona(key);
const entities = (keys: Array<Record<string, unknown>>, selection: string) => queryEntities<{ franceTravail: Record<string, unknown> | null }>(bed.server, keys, selection);
const fullFile = `franceTravail {
  identifiant
  inscription { categorie libelleCategorie dateInscription }
  indemnisation { allocation montantJournalier dateDebut dateFinDroits }
  paiementsRecents { date allocation montant }
  conseiller { nom agence }
  diagnostic { date contraintes besoins }
}`;
const categorie1 = { categorie: 1, libelleCategorie: 'Sans emploi, disponible, à la recherche d’un emploi à durée indéterminée à temps plein' };
const claireBouyssou = { nom: 'Claire Bouyssou', agence: 'France Travail Rodez Combarel' };
const suivis = population.franceTravail.map((d) => population.personneParRef.get(d.personne)!);
const nonSuivis = population.personnes.filter((p) => !population.dossierFranceTravailParRef.has(p.ref));

describe('france-travail subgraph', () => {
  it('serves the compensated job seeker’s whole file in euros and ISO dates, in two calls', async () => {
    const result = await entities([rep(persona('demandeur-emploi'))], fullFile);
    expect(result.errors).toBeUndefined();
    const paiement = (date: string) => ({ date, allocation: 'ARE', montant: 1449 });
    expect(result.data?._entities).toEqual([
      {
        franceTravail: {
          identifiant: '0388214B',
          inscription: { ...categorie1, dateInscription: '2026-06-15' },
          indemnisation: { allocation: 'ARE', montantJournalier: 48.3, dateDebut: '2026-06-22', dateFinDroits: '2027-12-21' },
          paiementsRecents: [paiement('2026-11-02'), paiement('2026-10-02'), paiement('2026-09-02')],
          conseiller: { nom: 'Julien Vaysse', agence: 'France Travail Onet-le-Château' },
          diagnostic: { date: '2026-07-02', contraintes: ['MOBILITE'], besoins: ['PERMIS_CONDUIRE', 'FORMATION'] },
        },
      },
    ]);
    expect(await calls()).toEqual({
      identification: [{ individus: [{ nir: persona('demandeur-emploi').nir, date_naissance: '19951201' }] }],
      dossiers: [{ identifiants: ['0388214B'] }],
    });
  });

  it.each<[PersonaKey, Record<string, unknown> | null]>([
    [
      'rsa-isolee',
      {
        identifiant: '0411723K',
        inscription: { ...categorie1, dateInscription: '2024-03-11' },
        indemnisation: null,
        paiementsRecents: [],
        conseiller: claireBouyssou,
        diagnostic: { date: '2024-03-11', contraintes: ['MOBILITE', 'FINANCIERE'], besoins: ['PERMIS_CONDUIRE'] },
      },
    ],
    [
      'sans-domicile',
      {
        identifiant: '0402951R',
        inscription: { ...categorie1, dateInscription: '2025-04-02' },
        indemnisation: null,
        paiementsRecents: [],
        conseiller: claireBouyssou,
        diagnostic: { date: '2025-04-02', contraintes: ['LOGEMENT', 'SANTE', 'FINANCIERE'], besoins: ['ACCOMPAGNEMENT_RENFORCE'] },
      },
    ],
    ['registre-seul', null],
    ['exploitant-agricole', null],
  ])('serves persona %s as documented', async (key, expected) => {
    const result = await entities([rep(persona(key))], fullFile);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([{ franceTravail: expected }]);
  });

  it('answers null for a date of birth that is not the person’s, and asks for no file', async () => {
    const kevin = persona('demandeur-emploi');
    const result = await entities([rep(kevin, '1995-12-02'), rep(kevin, suivis.find((p) => p.dateNaissance !== kevin.dateNaissance)!.dateNaissance)], 'franceTravail { identifiant }');
    expect(result).toEqual({ data: { _entities: [{ franceTravail: null }, { franceTravail: null }] } });
    expect(await batchSizes()).toEqual({ identification: [2], dossiers: [] });
  });

  it('tells apart the same NIR with its own and another date of birth in one request', async () => {
    const kevin = persona('demandeur-emploi');
    const result = await entities([rep(kevin, '1995-12-02'), rep(kevin), rep(kevin)], 'franceTravail { identifiant }');
    expect(result.data?._entities).toEqual([{ franceTravail: null }, { franceTravail: { identifiant: '0388214B' } }, { franceTravail: { identifiant: '0388214B' } }]);
    expect(await batchSizes()).toEqual({ identification: [2], dossiers: [1] });
  });

  it('answers null without any call for a malformed NIR, a wrong key and a partial date of birth', async () => {
    const kevin = persona('demandeur-emploi');
    const result = await entities(
      [{ nir: 'not-a-nir', identitePivot: { dateNaissance: '1995-12-01' } }, rep({ ...kevin, nir: `${kevin.nir.slice(0, 13)}00` }), rep(kevin, '1995-12'), rep(kevin, '1995')],
      'franceTravail { identifiant }',
    );
    expect(result).toEqual({ data: { _entities: [{ franceTravail: null }, { franceTravail: null }, { franceTravail: null }, { franceTravail: null }] } });
    expect(bed.calls('france-travail').count()).toBe(0);
  });

  it('refuses a representation without the date of birth it @requires, for that entity only', async () => {
    const result = await entities([{ nir: persona('demandeur-emploi').nir }, rep(persona('rsa-isolee'))], 'franceTravail { identifiant }');
    expect(result.data?._entities).toEqual([null, { franceTravail: { identifiant: '0411723K' } }]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({ path: ['_entities', 0] });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'ARGUMENT_INVALIDE', argument: 'representations', retryable: false });
  });

  it('answers 100 usagers, 20 of them followed across both halves, in order with 2 identification calls and 1 file call', async () => {
    const half = (from: number) => [...suivis.slice(from, from + 10), ...nonSuivis.slice(from * 4, from * 4 + 39)];
    const people: Array<Pick<Personne, 'nir' | 'dateNaissance'>> = [...half(0), { nir: unknownNir(1), dateNaissance: '1999-01-01' }, ...half(10), { nir: unknownNir(2), dateNaissance: '1999-01-01' }];
    expect(people).toHaveLength(100);
    const expected = people.map((p) => {
      const personne = population.personneParNir.get(p.nir);
      const dossier = personne ? population.dossierFranceTravailParRef.get(personne.ref) : undefined;
      return { franceTravail: dossier ? { identifiant: dossier.identifiant, inscription: { categorie: dossier.categorie } } : null };
    });
    expect(expected.filter((e) => e.franceTravail !== null)).toHaveLength(20);
    // As over a real network, the two identification answers arrive at different times: the second
    // one a few event-loop turns after the first (no timer), then the simulator answers it.
    let answered = 0;
    bed.legacy.use(
      http.post(identificationUrl, async () => {
        answered += 1;
        for (let turn = 0; turn < answered * 3; turn += 1) await new Promise(setImmediate);
      }),
    );
    const result = await entities(
      people.map((p) => rep(p)),
      'franceTravail { identifiant inscription { categorie } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual(expected);
    expect(await batchSizes()).toEqual({ identification: [50, 50], dossiers: [20] });
  });

  it('answers 100 usagers, 60 of them followed, with 2 identification calls and 2 file calls', async () => {
    const people = [...suivis.slice(0, 60), ...nonSuivis.slice(0, 40)];
    const result = await entities(
      people.map((p) => rep(p)),
      'franceTravail { identifiant }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual(
      people.map((p) => {
        const dossier = population.dossierFranceTravailParRef.get(p.ref);
        return { franceTravail: dossier ? { identifiant: dossier.identifiant } : null };
      }),
    );
    expect(await batchSizes()).toEqual({ identification: [50, 50], dossiers: [50, 10] });
  });

  it.each([
    [1, 1],
    [2, 2],
    [12, 3],
  ])('returns at most limite=%i payments (%i here)', async (limite, count) => {
    const result = await entities([rep(persona('demandeur-emploi'))], `franceTravail { paiementsRecents(limite: ${limite}) { date } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities[0]?.franceTravail?.paiementsRecents).toEqual(['2026-11-02', '2026-10-02', '2026-09-02'].slice(0, count).map((date) => ({ date })));
  });

  it.each([0, 13, -1])('rejects paiementsRecents(limite: %i) with ARGUMENT_INVALIDE', async (limite) => {
    const result = await entities([rep(persona('demandeur-emploi'))], `franceTravail { identifiant paiementsRecents(limite: ${limite}) { date } }`);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({ message: 'limite must be between 1 and 12.', path: ['_entities', 0, 'franceTravail', 'paiementsRecents'] });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'ARGUMENT_INVALIDE', argument: 'limite', retryable: false });
  });

  const unavailable = () => HttpResponse.json({ code_erreur: 'SERVICE_INDISPONIBLE', libelle: 'Service momentanément indisponible' }, { status: 503 });
  const expectUnavailable = (result: Awaited<ReturnType<typeof entities>>, count: number) => {
    expect(result.data?._entities).toEqual(Array.from({ length: count }, () => ({ franceTravail: null })));
    expect(result.errors?.map((e) => e.path)).toEqual(Array.from({ length: count }, (_, i) => ['_entities', i, 'franceTravail']));
    for (const error of result.errors ?? []) expect(error.extensions).toEqual({ code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'france-travail', retryable: true });
    expect(JSON.stringify(result)).not.toContain('legacy.test');
  };

  it('turns an identification outage into PARTENAIRE_INDISPONIBLE for each usager, and asks for no file', async () => {
    bed.legacy.use(http.post(identificationUrl, unavailable));
    const result = await entities([rep(persona('demandeur-emploi')), rep(persona('rsa-isolee'))], 'franceTravail { identifiant }');
    expectUnavailable(result, 2);
    // 1 call and 3 retries: a read is retried on a 5xx (the kit's default _LEGACY_RETRIES).
    expect(await batchSizes()).toEqual({ identification: [2, 2, 2, 2], dossiers: [] });
  });

  it('turns an outage of the files step into PARTENAIRE_INDISPONIBLE for each usager identified', async () => {
    bed.legacy.use(http.post(dossiersUrl, unavailable));
    const result = await entities([rep(persona('demandeur-emploi')), rep(persona('sans-domicile'))], 'franceTravail { identifiant }');
    expectUnavailable(result, 2);
    expect(await batchSizes()).toEqual({ identification: [2], dossiers: [2, 2, 2, 2] });
  });

  it('costs a failing identification call its own 50 usagers only', async () => {
    const failing = persona('demandeur-emploi').nir;
    bed.legacy.use(http.post(identificationUrl, async ({ request }) => ((await request.clone().text()).includes(failing) ? unavailable() : undefined)));
    const people = [persona('demandeur-emploi'), ...nonSuivis.slice(0, 49), persona('rsa-isolee'), persona('sans-domicile')];
    const result = await entities(
      people.map((p) => rep(p)),
      'franceTravail { identifiant }',
    );
    expect(result.data?._entities.slice(50)).toEqual([{ franceTravail: { identifiant: '0411723K' } }, { franceTravail: { identifiant: '0402951R' } }]);
    expect(result.data?._entities.slice(0, 50).every((e) => e?.franceTravail === null)).toBe(true);
    expect(result.errors?.map((e) => e.path?.[1])).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(new Set(result.errors?.map((e) => e.extensions.code))).toEqual(new Set(['PARTENAIRE_INDISPONIBLE']));
    // The failing batch is retried (1 + 3 calls), the other one is not.
    expect(await batchSizes()).toEqual({ identification: [50, 2, 50, 50, 50], dossiers: [2] });
  });

  const kevinNir = () => persona('demandeur-emploi').nir;
  it.each<[string, string, () => Record<string, unknown>]>([
    [
      'an identification with a lower-case identifiant',
      identificationUrl,
      () => ({ individus_identifies: [{ nir: kevinNir(), date_naissance: '19951201', identifiant: '0388214b' }], nb_non_identifies: 0 }),
    ],
    ['an identification without its count', identificationUrl, () => ({ individus_identifies: [] })],
    [
      'a file with a daily amount in euros',
      dossiersUrl,
      () => ({
        dossiers: [
          {
            identifiant: '0388214B',
            inscription: { code_categorie: '1', date_inscription: '20260615' },
            indemnisation: { code_allocation: 'ARE', montant_journalier: 48.3, date_debut: '20260622', date_fin_droits: '20271221' },
            paiements: [],
            conseiller: { nom: 'Julien Vaysse', agence: 'FT' },
            diagnostic: { date_diagnostic: '20260702', contraintes: [], besoins: [] },
          },
        ],
        identifiants_inconnus: [],
      }),
    ],
    [
      'a file with category 6',
      dossiersUrl,
      () => ({
        dossiers: [
          {
            identifiant: '0388214B',
            inscription: { code_categorie: '6', date_inscription: '20260615' },
            indemnisation: null,
            paiements: [],
            conseiller: { nom: 'Julien Vaysse', agence: 'FT' },
            diagnostic: { date_diagnostic: '20260702', contraintes: [], besoins: [] },
          },
        ],
        identifiants_inconnus: [],
      }),
    ],
    [
      'a file with an undocumented constraint code',
      dossiersUrl,
      () => ({
        dossiers: [
          {
            identifiant: '0388214B',
            inscription: { code_categorie: '1', date_inscription: '20260615' },
            indemnisation: null,
            paiements: [],
            conseiller: { nom: 'Julien Vaysse', agence: 'FT' },
            diagnostic: { date_diagnostic: '20260702', contraintes: ['TRANSPORT'], besoins: [] },
          },
        ],
        identifiants_inconnus: [],
      }),
    ],
  ])('reports %s as PARTENAIRE_REPONSE_INVALIDE', async (_case, url, payload) => {
    bed.legacy.use(http.post(url, () => HttpResponse.json(payload())));
    const result = await entities([rep(persona('demandeur-emploi'))], 'franceTravail { identifiant }');
    expect(result.data?._entities).toEqual([{ franceTravail: null }]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'france-travail', retryable: false });
    expect(JSON.stringify(result)).not.toContain(kevinNir());
  });
});
