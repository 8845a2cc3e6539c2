import { createPopulation, legacySystem, queryEntities, testUrlOf, unknownNir, useSubgraphTestBed, type PersonaKey } from '@passerelle/mocks';
import { silentLogger } from '@passerelle/subgraph-kit';
import { http, HttpResponse } from 'msw';
import { createServer, loadRegionConfig } from '../src/index';

const rechercheUrl = `${testUrlOf('region')}/api/v1/dossiers/recherche`;
const population = createPopulation({ size: 300, seed: 7 });
const bed = useSubgraphTestBed({
  population,
  systems: ['region'],
  start: () =>
    createServer(loadRegionConfig({ REGION_PORT: '0', REGION_LEGACY_URL: testUrlOf('region'), REGION_LEGACY_API_KEY: legacySystem('region').devApiKey }), silentLogger),
});

/** The calls the partner's system received during the current test. */
const legacyCalls = () => bed.calls('region').count();
/** Resolves usagers by NIR, as the gateway asks this subgraph. */
const entities = (nirs: string[], selection: string) => queryEntities<{ region: Record<string, unknown> | null }>(bed.server, nirs.map((nir) => ({ nir })), selection);
const nirOf = (key: PersonaKey) => population.persona(key).nir;
const fullFile = 'region { numeroDossier statut dateOuverture dateMiseAJour antenne }';

describe('region subgraph', () => {
  it.each<[PersonaKey, Record<string, unknown>]>([
    ['rsa-isolee', { numeroDossier: 'REG-000101', statut: 'OUVERT', dateOuverture: '2025-03-12', dateMiseAJour: '2026-10-02' }],
    ['demandeur-emploi', { numeroDossier: 'REG-000102', statut: 'OUVERT', dateOuverture: '2024-09-30', dateMiseAJour: '2026-11-14' }],
    ['sans-domicile', { numeroDossier: 'REG-000103', statut: 'SUSPENDU', dateOuverture: '2023-06-05', dateMiseAJour: '2026-09-21' }],
  ])('serves the file of persona %s in ISO dates, with the state as an enum', async (key, expected) => {
    const result = await entities([nirOf(key)], fullFile);
    expect(result).toEqual({ data: { _entities: [{ region: { ...expected, antenne: population.persona(key).adresse.commune } }] } });
    expect(legacyCalls()).toBe(1);
  });

  it('answers null without error for a persona without a file, an unknown NIR and a malformed one, spending no call on the malformed one', async () => {
    const result = await entities([nirOf('registre-seul'), unknownNir(), 'not-a-nir'], 'region { numeroDossier }');
    expect(result).toEqual({ data: { _entities: [{ region: null }, { region: null }, { region: null }] } });
    expect(legacyCalls()).toBe(1);
  });

  it('answers 50 representations in order with one call, and splits 51 into two', async () => {
    const nirs = population.personnes.slice(0, 50).map((p) => p.nir);
    const result = await entities(nirs, 'region { numeroDossier statut }');
    expect(result.errors).toBeUndefined();
    const files = result.data!._entities.map((e) => e?.region ?? null);
    expect(files).toHaveLength(50);
    // Derived from the population: some people have a file, most do not.
    expect(files.filter((f) => f !== null).length).toBeGreaterThan(0);
    expect(files.filter((f) => f === null).length).toBeGreaterThan(25);
    for (const file of files) if (file) expect(file.numeroDossier).toMatch(/^REG-\d{6}$/);
    expect(legacyCalls()).toBe(1);
    await entities(population.personnes.slice(0, 51).map((p) => p.nir), 'region { numeroDossier }');
    expect(legacyCalls()).toBe(3);
  });

  it('turns an outage of the partner\'s system into PARTENAIRE_INDISPONIBLE for each usager, without the legacy URL', async () => {
    bed.legacy.use(http.post(rechercheUrl, () => HttpResponse.json({ code_erreur: 'SERVICE_INDISPONIBLE', libelle: 'Service momentanément indisponible' }, { status: 503 })));
    const result = await entities([nirOf('rsa-isolee'), nirOf('sans-domicile')], 'region { numeroDossier }');
    expect(result.data?._entities).toEqual([{ region: null }, { region: null }]);
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [['_entities', 0, 'region'], { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'region', retryable: true }],
      [['_entities', 1, 'region'], { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'region', retryable: true }],
    ]);
    expect(JSON.stringify(result)).not.toContain('legacy.test');
  });

  it('reports a payload outside the documented format as PARTENAIRE_REPONSE_INVALIDE, without the NIR', async () => {
    bed.legacy.use(http.post(rechercheUrl, () => HttpResponse.json({ dossiers: [{ NIR: nirOf('rsa-isolee'), NUM_DOSSIER: '12', ETAT: 'X' }], non_trouves: 0 })));
    const result = await entities([nirOf('rsa-isolee')], 'region { numeroDossier }');
    expect(result.data?._entities).toEqual([{ region: null }]);
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([[['_entities', 0, 'region'], { code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'region', retryable: false }]]);
    expect(JSON.stringify(result)).not.toContain(nirOf('rsa-isolee'));
  });
});
