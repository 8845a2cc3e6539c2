import { createPopulation, legacySystem, queryEntities, testUrlOf, unknownNir, useSubgraphTestBed, type PersonaKey } from '@passerelle/mocks';
import { silentLogger } from '@passerelle/subgraph-kit';
import { http, HttpResponse } from 'msw';
import { createServer, loadCpamConfig } from '../src/index';

const droitsUrl = `${testUrlOf('cpam')}/api/v1/beneficiaires/droits`;
const population = createPopulation({ size: 300, seed: 7 });
const bed = useSubgraphTestBed({
  population,
  systems: ['cpam'],
  start: () => createServer(loadCpamConfig({ CPAM_PORT: '0', CPAM_LEGACY_URL: testUrlOf('cpam'), CPAM_LEGACY_API_KEY: legacySystem('cpam').devApiKey }), silentLogger),
});

/** The calls CPAM received during the current test. */
const cpamCalls = () => bed.calls('cpam').count();
/** Resolves usagers by NIR, as the gateway asks this subgraph. */
const entities = (nirs: string[], selection: string) =>
  queryEntities<{ cpam: Record<string, unknown> | null }>(
    bed.server,
    nirs.map((nir) => ({ nir })),
    selection,
  );
const nirOf = (key: PersonaKey) => population.persona(key).nir;
const fullCpam = 'cpam { regime caisse dateDebutDroits c2s { statut dateFin } medecinTraitantDeclare indemnitesJournalieresEnCours }';
const couverture = (statut: string, dateFin: string | null) => ({
  regime: 'GENERAL',
  caisse: "CPAM de l'Aveyron",
  dateDebutDroits: '2010-01-01',
  c2s: { statut, dateFin },
  medecinTraitantDeclare: true,
  indemnitesJournalieresEnCours: false,
});

describe('cpam subgraph', () => {
  it.each<[PersonaKey, ReturnType<typeof couverture> | null]>([
    ['rsa-isolee', couverture('SANS_PARTICIPATION', '2027-05-01')],
    ['couple-parent-1', couverture('AVEC_PARTICIPATION', '2027-05-01')],
    ['couple-parent-2', couverture('AVEC_PARTICIPATION', '2027-05-01')],
    ['retraite-aspa', couverture('SANS_PARTICIPATION', '2027-05-01')],
    ['nom-usage', couverture('NON', null)],
    ['homonyme-rodez', couverture('SANS_PARTICIPATION', '2027-05-01')],
    ['homonyme-millau', couverture('NON', null)],
    ['ne-en-corse', couverture('NON', null)],
    ['ne-a-l-etranger', couverture('SANS_PARTICIPATION', '2027-05-01')],
    ['registre-seul', null],
  ])('serves the coverage of persona %s', async (key, expected) => {
    const result = await entities([nirOf(key)], fullCpam);
    expect(result).toEqual({ data: { _entities: [{ cpam: expected }] } });
  });

  it('answers cpam: null without error for another regime, an unknown NIR and a malformed NIR, spending no call on the malformed one', async () => {
    const agricole = population.personnes.find((p) => p.regime === 'AGRICOLE')!;
    const result = await entities([agricole.nir, unknownNir(), '12345'], 'cpam { regime }');
    expect(result).toEqual({ data: { _entities: [{ cpam: null }, { cpam: null }, { cpam: null }] } });
    expect(cpamCalls()).toBe(1);
    expect(await entities(['12345'], 'cpam { regime }')).toEqual({ data: { _entities: [{ cpam: null }] } });
    expect(cpamCalls()).toBe(1);
  });

  it('answers 100 representations in order, unknown ones included, with two CPAM calls (batches of 50)', async () => {
    const nirs = [...population.personnes.slice(0, 98).map((p) => p.nir), unknownNir(1), unknownNir(2)];
    nirs.splice(30, 0, nirs.pop()!);
    const expected = nirs.map((nir) => {
      const personne = population.personneParNir.get(nir);
      const assure = personne ? population.assureCpamParRef.get(personne.ref) : undefined;
      return { cpam: assure ? { c2s: { statut: assure.c2s }, medecinTraitantDeclare: assure.medecinTraitantDeclare } : null };
    });
    expect(expected.filter((e) => e.cpam === null).length).toBeGreaterThan(5);
    expect(new Set(expected.map((e) => e.cpam?.c2s.statut)).size).toBe(4);
    const result = await entities(nirs, 'cpam { c2s { statut } medecinTraitantDeclare }');
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual(expected);
    expect(cpamCalls()).toBe(2);
  });

  it('asks once per distinct NIR', async () => {
    const nir = nirOf('rsa-isolee');
    const result = await entities(
      Array.from({ length: 60 }, () => nir),
      'cpam { c2s { statut } }',
    );
    expect(result.data?._entities).toHaveLength(60);
    expect(cpamCalls()).toBe(1);
  });

  it('turns a CPAM outage into PARTENAIRE_INDISPONIBLE, without the legacy URL', async () => {
    bed.legacy.use(http.post(droitsUrl, () => HttpResponse.json({ code_erreur: 'SERVICE_INDISPONIBLE', libelle: 'Service momentanément indisponible' }, { status: 503 })));
    const result = await entities([nirOf('rsa-isolee')], 'cpam { regime }');
    expect(result.data?._entities).toEqual([{ cpam: null }]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.path).toEqual(['_entities', 0, 'cpam']);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'cpam', retryable: true });
    expect(JSON.stringify(result)).not.toContain('legacy.test');
  });

  it('turns a refused API key into PARTENAIRE_ACCES_REFUSE', async () => {
    const misconfigured = await createServer(loadCpamConfig({ CPAM_PORT: '0', CPAM_LEGACY_URL: testUrlOf('cpam'), CPAM_LEGACY_API_KEY: 'not-the-right-key' }), silentLogger);
    try {
      const result = await queryEntities(misconfigured, [{ nir: nirOf('rsa-isolee') }], 'cpam { regime }');
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'PARTENAIRE_ACCES_REFUSE', partenaire: 'cpam', retryable: false });
    } finally {
      await misconfigured.stop();
    }
  });

  it.each([
    ['a field of the wrong type', { beneficiaires: [{ nir: 1 }], nb_inconnus: 0 }],
    [
      'a yes/no flag as a boolean',
      {
        beneficiaires: [
          {
            nir: '286041220200135',
            code_regime: '01',
            code_caisse: '121',
            date_ouverture_droits: '20100101',
            c2s: { code_statut: '1', date_fin: '20270501' },
            medecin_traitant: true,
            ij_en_cours: 'N',
          },
        ],
        nb_inconnus: 0,
      },
    ],
    [
      'an undocumented C2S code',
      {
        beneficiaires: [
          { nir: '286041220200135', code_regime: '01', code_caisse: '121', date_ouverture_droits: '20100101', c2s: { code_statut: '3', date_fin: null }, medecin_traitant: 'O', ij_en_cours: 'N' },
        ],
        nb_inconnus: 0,
      },
    ],
  ])('reports a CPAM payload with %s as PARTENAIRE_REPONSE_INVALIDE', async (_case, payload) => {
    bed.legacy.use(http.post(droitsUrl, () => HttpResponse.json(payload)));
    const result = await entities([nirOf('rsa-isolee')], 'cpam { regime }');
    expect(result.data?._entities).toEqual([{ cpam: null }]);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'cpam', retryable: false });
    expect(JSON.stringify(result)).not.toContain(nirOf('rsa-isolee'));
  });
});
