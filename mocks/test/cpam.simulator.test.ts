import { createPopulation, expectLegacyError, keyRefusalCases, keyRefused, legacySystem, postLegacy, useLegacyTestServer } from '../src/index';

const population = createPopulation({ size: 300, seed: 7 });
const cpam = legacySystem('cpam');

const droits = (body: unknown, headers?: Record<string, string>) => postLegacy('cpam', '/api/v1/beneficiaires/droits', body, headers);

useLegacyTestServer(population, ['cpam']);

describe('CPAM simulator', () => {
  it('is registered with its conventions', () => {
    expect(cpam).toMatchObject({ name: 'cpam', prefix: '/cpam', apiKeyHeader: 'X-Cle-Partenaire', maxBatchSize: 50 });
  });

  it.each(keyRefusalCases('cpam', 'X-Api-Key'))('refuses a call %s with 401', async (_case, headers) => {
    const response = await droits({ nirs: [population.persona('rsa-isolee').nir] }, headers);
    await expectLegacyError(response, 401, keyRefused);
  });

  it('accepts 50 NIRs and refuses 51 with 413', async () => {
    const nirs = population.personnes.slice(0, 51).map((p) => p.nir);
    expect((await droits({ nirs: nirs.slice(0, 50) })).status).toBe(200);
    const response = await droits({ nirs });
    await expectLegacyError(response, 413, { code_erreur: 'LOT_TROP_GRAND', libelle: 'Au plus 50 NIR par appel' });
  });

  it.each([
    ['unreadable JSON', 'nirs=1', 'Corps JSON illisible'],
    ['the CAF field name', { liste_nir: ['286041220200135'] }, 'Champ invalide : nirs'],
    ['an empty list', { nirs: [] }, 'Champ invalide : nirs'],
    ['a NIR that is not a string', { nirs: [286041220200135] }, 'Champ invalide : nirs.0'],
  ])('answers 400 to %s', async (_case, body, libelle) => {
    const response = await droits(body);
    await expectLegacyError(response, 400, { code_erreur: 'REQUETE_INVALIDE', libelle });
  });

  it('returns coverage only, in its legacy format, with no medical field', async () => {
    const [severine, antoine] = [population.persona('rsa-isolee').nir, population.persona('ne-en-corse').nir];
    const body = (await (await droits({ nirs: [severine, antoine] })).json()) as { beneficiaires: Array<{ nir: string }>; nb_inconnus: number };
    expect(body.nb_inconnus).toBe(0);
    const byNir = new Map(body.beneficiaires.map((b) => [b.nir, b]));
    expect(byNir.get(severine)).toEqual({
      nir: severine,
      code_regime: '01',
      code_caisse: '121',
      date_ouverture_droits: '20100101',
      c2s: { code_statut: '1', date_fin: '20270501' },
      medecin_traitant: 'O',
      ij_en_cours: 'N',
    });
    expect(byNir.get(antoine)).toMatchObject({ c2s: { code_statut: '0', date_fin: null } });
  });

  it('codes C2S with participation as 2, for children as well', async () => {
    const nirs = ['persona:couple-parent-1', 'persona:enfant-3'].map((ref) => population.personneParRef.get(ref)!.nir);
    const body = (await (await droits({ nirs })).json()) as { beneficiaires: Array<{ c2s: unknown }> };
    expect(body.beneficiaires.map((b) => b.c2s)).toEqual([
      { code_statut: '2', date_fin: '20270501' },
      { code_statut: '2', date_fin: '20270501' },
    ]);
  });

  it('leaves out people of other regimes and unknown NIRs, and counts them', async () => {
    const agricole = population.personnes.find((p) => p.regime === 'AGRICOLE');
    expect(agricole).toBeDefined();
    const absent = [population.persona('registre-seul').nir, agricole!.nir, '299999999999905'];
    const known = population.persona('homonyme-millau').nir;
    const body = (await (await droits({ nirs: [known, ...absent, known] })).json()) as { beneficiaires: Array<{ nir: string }>; nb_inconnus: number };
    expect(body.beneficiaires.map((b) => b.nir)).toEqual([known]);
    expect(body.nb_inconnus).toBe(absent.length);
  });
});
