import { createPopulation, legacySystem, queryEntities, testUrlOf, unknownNir, useSubgraphTestBed, type PersonaKey } from '@passerelle/mocks';
import { silentLogger } from '@passerelle/subgraph-kit';
import { http, HttpResponse } from 'msw';
import { createServer, loadCarsatConfig } from '../src/index';

const lotUrl = `${testUrlOf('carsat')}/ws/retraite/v3/dossiers/lot`;
const population = createPopulation({ size: 300, seed: 7 });
const bed = useSubgraphTestBed({
  population,
  systems: ['carsat'],
  start: () => createServer(loadCarsatConfig({ CARSAT_PORT: '0', CARSAT_LEGACY_URL: testUrlOf('carsat'), CARSAT_LEGACY_API_KEY: legacySystem('carsat').devApiKey }), silentLogger),
});

/** The size of each batch sent to Carsat during the current test, in call order. */
const carsatCalls = async () => (await bed.calls('carsat').bodies()).map((body) => (body as { nir_assures: string[] }).nir_assures.length);
/** Resolves usagers by NIR, as the gateway asks this subgraph. */
const entities = (nirs: string[], selection: string) =>
  queryEntities<{ carsat: Record<string, unknown> | null }>(
    bed.server,
    nirs.map((nir) => ({ nir })),
    selection,
  );
const nirOf = (key: PersonaKey) => population.persona(key).nir;
const fullCarsat = 'carsat { trimestresValides statut dateEffet pensionMensuelle aspa { montantMensuel dateDebut } actionSociale { type heuresMensuelles dateDebut dateFin } }';
const actif = (trimestresValides: number) => ({ trimestresValides, statut: 'ACTIF', dateEffet: null, pensionMensuelle: null, aspa: null, actionSociale: [] });

describe('carsat subgraph', () => {
  it('serves the retiree’s pension, ASPA and home help in euros and ISO dates', async () => {
    const result = await entities([nirOf('retraite-aspa')], fullCarsat);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        carsat: {
          trimestresValides: 118,
          statut: 'RETRAITE',
          dateEffet: '2002-03-01',
          pensionMensuelle: 612,
          aspa: { montantMensuel: 422.28, dateDebut: '2019-01-01' }, // ASPA single 1,034.28 − pension 612.00
          actionSociale: [{ type: 'AIDE_MENAGERE', heuresMensuelles: 12, dateDebut: '2026-05-01', dateFin: '2027-05-01' }],
        },
      },
    ]);
  });

  it.each<[PersonaKey, Record<string, unknown> | null]>([
    ['rsa-isolee', actif(52)],
    ['couple-parent-1', actif(76)],
    ['couple-parent-2', actif(48)],
    ['nom-usage', actif(101)],
    ['homonyme-rodez', actif(60)],
    ['homonyme-millau', actif(44)],
    ['ne-en-corse', actif(56)],
    ['ne-a-l-etranger', actif(38)],
    ['registre-seul', null],
  ])('serves persona %s as documented', async (key, expected) => {
    const result = await entities([nirOf(key)], fullCarsat);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([{ carsat: expected }]);
  });

  it('answers carsat: null without error for a child, an unknown NIR and a malformed NIR, spending no call on the malformed one', async () => {
    const result = await entities([population.personneParRef.get('persona:enfant-1')!.nir, unknownNir(), 'not-a-nir'], 'carsat { statut }');
    expect(result).toEqual({ data: { _entities: [{ carsat: null }, { carsat: null }, { carsat: null }] } });
    expect(await carsatCalls()).toEqual([2]);
    expect(await entities(['286041220200199'], 'carsat { statut }')).toEqual({ data: { _entities: [{ carsat: null }] } });
    expect(await carsatCalls()).toEqual([2]);
  });

  it('answers 100 representations in order with 3 Carsat calls (batches of 40), each NIR asked once', async () => {
    const nirs = [...population.personnes.slice(0, 95).map((p) => p.nir), unknownNir(1), unknownNir(2)];
    nirs.splice(40, 0, nirs[0]!, nirs[1]!, nirs[2]!); // 100 representations, 97 distinct NIRs
    const expected = nirs.map((nir) => {
      const personne = population.personneParNir.get(nir);
      const dossier = personne ? population.dossierCarsatParRef.get(personne.ref) : undefined;
      return { carsat: dossier ? { trimestresValides: dossier.trimestresValides, statut: dossier.statut } : null };
    });
    expect(expected.filter((e) => e.carsat === null).length).toBeGreaterThan(10);
    expect(expected.filter((e) => e.carsat?.statut === 'RETRAITE').length).toBeGreaterThan(5);
    const result = await entities(nirs, 'carsat { trimestresValides statut }');
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual(expected);
    expect(await carsatCalls()).toEqual([40, 40, 17]);
  });

  it('turns a Carsat outage into PARTENAIRE_INDISPONIBLE for each usager, without the legacy URL', async () => {
    bed.legacy.use(http.post(lotUrl, () => HttpResponse.json({ code_erreur: 'SERVICE_INDISPONIBLE', libelle: 'Service momentanément indisponible' }, { status: 503 })));
    const result = await entities([nirOf('retraite-aspa'), nirOf('rsa-isolee')], 'carsat { statut }');
    expect(result.data?._entities).toEqual([{ carsat: null }, { carsat: null }]);
    expect(result.errors?.map((e) => e.path)).toEqual([
      ['_entities', 0, 'carsat'],
      ['_entities', 1, 'carsat'],
    ]);
    for (const error of result.errors ?? []) expect(error.extensions).toEqual({ code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'carsat', retryable: true });
    expect(JSON.stringify(result)).not.toContain('legacy.test');
  });

  it('reports a refused API key as PARTENAIRE_ACCES_REFUSE, not retryable', async () => {
    bed.legacy.use(http.post(lotUrl, () => HttpResponse.json({ code_erreur: 'AUTH_REFUSEE', libelle: "Clé d'API absente ou invalide" }, { status: 401 })));
    const result = await entities([nirOf('retraite-aspa')], 'carsat { statut }');
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'PARTENAIRE_ACCES_REFUSE', partenaire: 'carsat', retryable: false });
  });

  it.each([
    ['a field of the wrong type', { dossiers: [{ nir: 1 }], nb_inconnus: 0 }],
    [
      'an undocumented file state',
      { dossiers: [{ nir: '142021226400158', nb_trimestres_valides: 118, etat_dossier: 'DCD', date_effet: null, montant_mensuel_brut: null, aspa: null, actions_sociales: [] }], nb_inconnus: 0 },
    ],
    [
      'an amount in euros instead of cents',
      {
        dossiers: [{ nir: '142021226400158', nb_trimestres_valides: 118, etat_dossier: 'RET', date_effet: '20020301', montant_mensuel_brut: 612.5, aspa: null, actions_sociales: [] }],
        nb_inconnus: 0,
      },
    ],
    [
      'an ISO date',
      {
        dossiers: [{ nir: '142021226400158', nb_trimestres_valides: 118, etat_dossier: 'RET', date_effet: '2002-03-01', montant_mensuel_brut: 61200, aspa: null, actions_sociales: [] }],
        nb_inconnus: 0,
      },
    ],
  ])('reports a Carsat payload with %s as PARTENAIRE_REPONSE_INVALIDE', async (_case, payload) => {
    bed.legacy.use(http.post(lotUrl, () => HttpResponse.json(payload)));
    const result = await entities([nirOf('retraite-aspa')], 'carsat { statut }');
    expect(result.data?._entities).toEqual([{ carsat: null }]);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'carsat', retryable: false });
    expect(JSON.stringify(result)).not.toContain(nirOf('retraite-aspa'));
  });
});
