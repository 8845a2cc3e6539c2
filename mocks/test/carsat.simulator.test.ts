import { createPopulation, expectLegacyError, keyRefusalCases, keyRefused, legacySystem, postLegacy, useLegacyTestServer } from '../src/index';

const population = createPopulation({ size: 300, seed: 7 });
const carsat = legacySystem('carsat');

const lot = (body: unknown, headers?: Record<string, string>) => postLegacy('carsat', '/ws/retraite/v3/dossiers/lot', body, headers);

useLegacyTestServer(population, ['carsat']);

describe('Carsat simulator', () => {
  it('is registered with its conventions', () => {
    expect(carsat).toMatchObject({ name: 'carsat', prefix: '/carsat', apiKeyHeader: 'X-Api-Key', maxBatchSize: 40 });
  });

  it.each(keyRefusalCases('carsat', 'X-AH-Token'))('refuses a call %s with 401', async (_case, headers) => {
    const response = await lot({ nir_assures: [population.persona('retraite-aspa').nir] }, headers);
    await expectLegacyError(response, 401, keyRefused);
  });

  it('accepts 40 NIRs and refuses 41 with 413', async () => {
    const nirs = population.personnes.slice(0, 41).map((p) => p.nir);
    expect((await lot({ nir_assures: nirs.slice(0, 40) })).status).toBe(200);
    const response = await lot({ nir_assures: nirs });
    await expectLegacyError(response, 413, { code_erreur: 'LOT_TROP_GRAND', libelle: 'Au plus 40 NIR par appel' });
  });

  it.each([
    ['unreadable JSON', '{', 'Corps JSON illisible'],
    ['the CAF field name', { liste_nir: ['286041220200135'] }, 'Champ invalide : nir_assures'],
    ['an empty list', { nir_assures: [] }, 'Champ invalide : nir_assures'],
    ['a malformed NIR', { nir_assures: ['286041220200135', '2860412'] }, 'Champ invalide : nir_assures.1'],
  ])('answers 400 to %s', async (_case, body, libelle) => {
    const response = await lot(body);
    await expectLegacyError(response, 400, { code_erreur: 'REQUETE_INVALIDE', libelle });
  });

  it('returns the retiree’s pension, ASPA and home help in its legacy format', async () => {
    const nir = population.persona('retraite-aspa').nir;
    const response = await lot({ nir_assures: [nir] });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      dossiers: [
        {
          nir,
          nb_trimestres_valides: 118,
          etat_dossier: 'RET',
          date_effet: '20020301',
          montant_mensuel_brut: 61200,
          aspa: { montant_mensuel: 42228, date_debut: '20190101' }, // 103 428 − 61 200
          actions_sociales: [{ code_aide: 'AMD', nb_heures_mois: 12, date_debut: '20260501', date_fin: '20270501' }],
        },
      ],
      nb_inconnus: 0,
    });
  });

  it('returns a contributor without pension, and leaves out children, other regimes and unknown NIRs', async () => {
    const known = population.persona('rsa-isolee').nir;
    const absent = [population.personneParRef.get('persona:enfant-1')!.nir, population.persona('registre-seul').nir, '299999999999905'];
    const body = (await (await lot({ nir_assures: [...absent, known, known] })).json()) as { dossiers: unknown[]; nb_inconnus: number };
    expect(body.dossiers).toEqual([{ nir: known, nb_trimestres_valides: 52, etat_dossier: 'COT', date_effet: null, montant_mensuel_brut: null, aspa: null, actions_sociales: [] }]);
    expect(body.nb_inconnus).toBe(absent.length);
  });
});
