import { createPopulation, legacySystem, queryEntities, testUrlOf, unknownNir, useSubgraphTestBed, type PersonaKey } from '@passerelle/mocks';
import { silentLogger } from '@passerelle/subgraph-kit';
import { http, HttpResponse } from 'msw';
import { createServer, loadChambresConsulairesConfig } from '../src/index';

const rechercheUrl = `${testUrlOf('chambres-consulaires')}/api/v1/dossiers/recherche`;
const population = createPopulation({ size: 300, seed: 7 });
const bed = useSubgraphTestBed({
  population,
  systems: ['chambres-consulaires'],
  start: () =>
    createServer(loadChambresConsulairesConfig({ CHAMBRES_CONSULAIRES_PORT: '0', CHAMBRES_CONSULAIRES_LEGACY_URL: testUrlOf('chambres-consulaires'), CHAMBRES_CONSULAIRES_LEGACY_API_KEY: legacySystem('chambres-consulaires').devApiKey }), silentLogger),
});

/** The calls the partner's system received during the current test. */
const legacyCalls = () => bed.calls('chambres-consulaires').count();
/** Resolves usagers by NIR, as the gateway asks this subgraph. */
const entities = (nirs: string[], selection: string) => queryEntities<{ chambresConsulaires: Record<string, unknown> | null }>(bed.server, nirs.map((nir) => ({ nir })), selection);
const nirOf = (key: PersonaKey) => population.persona(key).nir;
const fullFile = 'chambresConsulaires { numeroDossier statut dateOuverture dateMiseAJour antenne }';

describe('chambres-consulaires subgraph', () => {
  it.each<[PersonaKey, Record<string, unknown>]>([
    ['rsa-isolee', { numeroDossier: 'CC-000101', statut: 'OUVERT', dateOuverture: '2025-03-12', dateMiseAJour: '2026-10-02' }],
    ['demandeur-emploi', { numeroDossier: 'CC-000102', statut: 'OUVERT', dateOuverture: '2024-09-30', dateMiseAJour: '2026-11-14' }],
    ['sans-domicile', { numeroDossier: 'CC-000103', statut: 'SUSPENDU', dateOuverture: '2023-06-05', dateMiseAJour: '2026-09-21' }],
  ])('serves the file of persona %s in ISO dates, with the state as an enum', async (key, expected) => {
    const result = await entities([nirOf(key)], fullFile);
    expect(result).toEqual({ data: { _entities: [{ chambresConsulaires: { ...expected, antenne: population.persona(key).adresse.commune } }] } });
    expect(legacyCalls()).toBe(1);
  });

  it('answers null without error for a persona without a file, an unknown NIR and a malformed one, spending no call on the malformed one', async () => {
    const result = await entities([nirOf('registre-seul'), unknownNir(), 'not-a-nir'], 'chambresConsulaires { numeroDossier }');
    expect(result).toEqual({ data: { _entities: [{ chambresConsulaires: null }, { chambresConsulaires: null }, { chambresConsulaires: null }] } });
    expect(legacyCalls()).toBe(1);
  });

  it('answers 50 representations in order with one call, and splits 51 into two', async () => {
    const nirs = population.personnes.slice(0, 50).map((p) => p.nir);
    const result = await entities(nirs, 'chambresConsulaires { numeroDossier statut }');
    expect(result.errors).toBeUndefined();
    const files = result.data!._entities.map((e) => e?.chambresConsulaires ?? null);
    expect(files).toHaveLength(50);
    // Derived from the population: some people have a file, most do not.
    expect(files.filter((f) => f !== null).length).toBeGreaterThan(0);
    expect(files.filter((f) => f === null).length).toBeGreaterThan(25);
    for (const file of files) if (file) expect(file.numeroDossier).toMatch(/^CC-\d{6}$/);
    expect(legacyCalls()).toBe(1);
    await entities(population.personnes.slice(0, 51).map((p) => p.nir), 'chambresConsulaires { numeroDossier }');
    expect(legacyCalls()).toBe(3);
  });

  it('turns an outage of the partner\'s system into PARTENAIRE_INDISPONIBLE for each usager, without the legacy URL', async () => {
    bed.legacy.use(http.post(rechercheUrl, () => HttpResponse.json({ code_erreur: 'SERVICE_INDISPONIBLE', libelle: 'Service momentanément indisponible' }, { status: 503 })));
    const result = await entities([nirOf('rsa-isolee'), nirOf('sans-domicile')], 'chambresConsulaires { numeroDossier }');
    expect(result.data?._entities).toEqual([{ chambresConsulaires: null }, { chambresConsulaires: null }]);
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [['_entities', 0, 'chambresConsulaires'], { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'chambres-consulaires', retryable: true }],
      [['_entities', 1, 'chambresConsulaires'], { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'chambres-consulaires', retryable: true }],
    ]);
    expect(JSON.stringify(result)).not.toContain('legacy.test');
  });

  it('reports a payload outside the documented format as PARTENAIRE_REPONSE_INVALIDE, without the NIR', async () => {
    bed.legacy.use(http.post(rechercheUrl, () => HttpResponse.json({ dossiers: [{ NIR: nirOf('rsa-isolee'), NUM_DOSSIER: '12', ETAT: 'X' }], non_trouves: 0 })));
    const result = await entities([nirOf('rsa-isolee')], 'chambresConsulaires { numeroDossier }');
    expect(result.data?._entities).toEqual([{ chambresConsulaires: null }]);
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([[['_entities', 0, 'chambresConsulaires'], { code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'chambres-consulaires', retryable: false }]]);
    expect(JSON.stringify(result)).not.toContain(nirOf('rsa-isolee'));
  });
});
