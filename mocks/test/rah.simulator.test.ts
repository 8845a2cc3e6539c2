import { createPopulation, expectLegacyError, keyRefusalCases, keyRefused, legacySystem, postLegacy, useLegacyTestServer } from '../src/index';

const population = createPopulation({ size: 300, seed: 7 });
const rah = legacySystem('rah');

const recherche = (body: unknown, headers?: Record<string, string>) => postLegacy('rah', '/api/v1/occupants/recherche', body, headers);
type Answer = { DATE_NAISSANCE: string; LOCATAIRES: Array<Record<string, unknown> & { BAUX: Array<Record<string, unknown>> }>; DEMANDEURS: Array<Record<string, unknown>> };

useLegacyTestServer(population, ['rah']);

describe('Rodez Agglo Habitat simulator', () => {
  it('is registered as a one-person-at-a-time system', () => {
    expect(rah).toMatchObject({ name: 'rah', prefix: '/rah', apiKeyHeader: 'X-Api-Key', maxBatchSize: 1 });
  });

  it.each(keyRefusalCases('rah', 'X-AH-Token'))('refuses a call %s with 401', async (_case, headers) => {
    const response = await recherche({ date_naissance: '19860417' }, headers);
    await expectLegacyError(response, 401, keyRefused);
  });

  it('refuses a list of dates: one date per call', async () => {
    const response = await recherche({ date_naissance: ['19860417', '19791123'] });
    await expectLegacyError(response, 413, { code_erreur: 'LOT_TROP_GRAND', libelle: 'Une seule date de naissance par appel' });
  });

  it.each([
    ['unreadable JSON', '{', 'Corps JSON illisible'],
    ['an ISO date', { date_naissance: '1986-04-17' }, 'Champ invalide : date_naissance'],
    ['an impossible month', { date_naissance: '19861317' }, 'Champ invalide : date_naissance'],
    ['AH’s field name', { datesNaissance: ['19860417'] }, 'Champ invalide : date_naissance'],
  ])('answers 400 to %s', async (_case, body, libelle) => {
    const response = await recherche(body);
    await expectLegacyError(response, 400, { code_erreur: 'REQUETE_INVALIDE', libelle });
  });

  it('returns the single RSA recipient’s lease in arrears, as typed, without NIR', async () => {
    const response = await recherche({ date_naissance: '19860417' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Answer;
    expect(body).toEqual({
      DATE_NAISSANCE: '19860417',
      LOCATAIRES: [
        {
          NOM: 'DELMAS',
          PRENOM: 'Séverine',
          DATE_NAISSANCE: '19860417',
          LIEU_NAISSANCE: null,
          BAUX: [
            {
              REF_BAIL: 'RAH-2023-00417',
              TYPE_LGT: 'T2',
              SURFACE_HAB: 48.5,
              ADRESSE: { LIGNE: '14 rue de Laumière', CP: '12000', COMMUNE: 'Rodez' },
              LOYER: 31700,
              CHARGES: 4500,
              SOLDE: 24600,
              NB_MOIS_IMPAYES: 3,
              PLAN_APUREMENT: { MENSUALITE: 4000, DATE_DEBUT: '20260701', DATE_FIN: '20270201', TOP_RESPECTE: '0' },
              DATE_ENTREE: '20230901',
            },
          ],
        },
      ],
      DEMANDEURS: [],
    });
    expect(JSON.stringify(body)).not.toContain(population.persona('rsa-isolee').nir);
  });

  it('keeps the tenant file and the SNE application of the usage-name persona apart, each as typed', async () => {
    const body = (await (await recherche({ date_naissance: '19791123' })).json()) as Answer;
    expect(body.LOCATAIRES).toEqual([
      expect.objectContaining({ NOM: 'ROUQUETTE-FABRE', PRENOM: 'Marie Helene', BAUX: [expect.objectContaining({ REF_BAIL: 'RAH-2021-01960', PLAN_APUREMENT: null })] }),
    ]);
    expect(body.DEMANDEURS).toEqual([
      {
        NOM: 'ROUQUETTE',
        PRENOM: 'Marie-Hélène',
        DATE_NAISSANCE: '19791123',
        LIEU_NAISSANCE: null,
        DEMANDE: { NUM_UNIQUE: '012250300417G', DATE_DEPOT: '20250312', DATE_RENOUV: null, CODE_STATUT: 'ACT', TYPE_LGT_SOUHAITE: 'T3' },
      },
    ]);
  });

  it('returns both homonyms born the same day as two tenant files that only the lease tells apart', async () => {
    const body = (await (await recherche({ date_naissance: '19850314' })).json()) as Answer;
    expect(body.LOCATAIRES.map((l) => [l.NOM, l.PRENOM, l.LIEU_NAISSANCE, l.BAUX.map((b) => b.REF_BAIL)])).toEqual([
      ['MARTIN', 'Jean', null, ['RAH-2018-00233']],
      ['MARTIN', 'Jean', null, ['RAH-2020-01152']],
    ]);
  });

  it('answers an empty list for a date nobody at RAH was born on, and never serves AH’s leases', async () => {
    expect(await (await recherche({ date_naissance: '19000101' })).json()).toEqual({ DATE_NAISSANCE: '19000101', LOCATAIRES: [], DEMANDEURS: [] });
    expect(await (await recherche({ date_naissance: '19750930' })).json()).toEqual({ DATE_NAISSANCE: '19750930', LOCATAIRES: [], DEMANDEURS: [] });
  });
});
