import { createPopulation, expectLegacyError, keyRefusalCases, keyRefused, legacySystem, postLegacy, useLegacyTestServer } from '../src/index';

const population = createPopulation({ size: 300, seed: 7 });
const caf = legacySystem('caf');

const lot = (body: unknown, headers?: Record<string, string>) => postLegacy('caf', '/api/v2/allocataires/lot', body, headers);
const nirOf = (ref: string) => population.personneParRef.get(ref)!.nir;

useLegacyTestServer(population, ['caf']);

describe('CAF simulator', () => {
  it('is registered with its conventions', () => {
    expect(caf).toMatchObject({ name: 'caf', prefix: '/caf', apiKeyHeader: 'X-Api-Key', maxBatchSize: 100 });
  });

  it.each(keyRefusalCases('caf', 'X-Cle-Partenaire'))('refuses a call %s with 401', async (_case, headers) => {
    const response = await lot({ liste_nir: [nirOf('persona:rsa-isolee')] }, headers);
    await expectLegacyError(response, 401, keyRefused);
  });

  it('accepts 100 NIRs and refuses 101 with 413', async () => {
    const nirs = population.personnes.slice(0, 101).map((p) => p.nir);
    expect((await lot({ liste_nir: nirs.slice(0, 100) })).status).toBe(200);
    const response = await lot({ liste_nir: nirs });
    await expectLegacyError(response, 413, { code_erreur: 'LOT_TROP_GRAND', libelle: 'Au plus 100 NIR par appel' });
  });

  it.each([
    ['unreadable JSON', '{', 'Corps JSON illisible'],
    ['the SNGI field name', { nirs: ['286041220200135'] }, 'Champ invalide : liste_nir'],
    ['an empty list', { liste_nir: [] }, 'Champ invalide : liste_nir'],
    ['a malformed NIR', { liste_nir: ['286041220200135', '2860412'] }, 'Champ invalide : liste_nir.1'],
  ])('answers 400 to %s', async (_case, body, libelle) => {
    const response = await lot(body);
    await expectLegacyError(response, 400, { code_erreur: 'REQUETE_INVALIDE', libelle });
  });

  it('returns the file of a single RSA recipient in its legacy format', async () => {
    const nir = population.persona('rsa-isolee').nir;
    const response = await lot({ liste_nir: [nir] });
    expect(response.status).toBe(200);
    const paye = (date: string) => [
      { DATE_PAIEMENT: date, CODE_PRESTATION: 'RSA', MONTANT: 56894 },
      { DATE_PAIEMENT: date, CODE_PRESTATION: 'APL', MONTANT: 28000 },
    ];
    expect(await response.json()).toEqual({
      resultats: [
        {
          NIR: nir,
          ROLE_PERS: 'DEM',
          DOSSIER: {
            NUMALLOC: '0412345',
            CODE_POSTAL: '12000',
            NB_ADULTES: 1,
            ENFANTS: [],
            QF: 569,
            DROITS: [
              { CODE_PRESTATION: 'RSA', MONTANT_MENSUEL: 56894, DATE_DEBUT: '20240201', DETAIL_RSA: { ETATDOSRSA: '2', TOP_MAJORATION: '0', TOPPERSDRDEF: '1' } },
              { CODE_PRESTATION: 'APL', MONTANT_MENSUEL: 28000, DATE_DEBUT: '20230901', DETAIL_RSA: null },
            ],
            PAIEMENTS: [...paye('20261105'), ...paye('20261005'), ...paye('20260905')],
          },
        },
      ],
      nb_non_trouves: 0,
    });
  });

  it('gives both adults of a household the same file with their own role, and lists the children', async () => {
    const [karim, julie] = [population.persona('couple-parent-1').nir, population.persona('couple-parent-2').nir];
    const body = (await (await lot({ liste_nir: [julie, karim] })).json()) as { resultats: Array<{ NIR: string; ROLE_PERS: string; DOSSIER: Record<string, unknown> }> };
    const byNir = new Map(body.resultats.map((r) => [r.NIR, r]));
    expect(byNir.get(karim)?.ROLE_PERS).toBe('DEM');
    expect(byNir.get(julie)?.ROLE_PERS).toBe('CJT');
    expect(byNir.get(julie)?.DOSSIER).toEqual(byNir.get(karim)?.DOSSIER);
    expect(byNir.get(julie)?.DOSSIER).toMatchObject({
      NUMALLOC: '0087654',
      CODE_POSTAL: '12850',
      NB_ADULTES: 2,
      QF: 641,
      ENFANTS: [
        { PRENOM: 'Yanis', DATE_NAISSANCE: '20120314' },
        { PRENOM: 'Lina', DATE_NAISSANCE: '20150802' },
        { PRENOM: 'Adam', DATE_NAISSANCE: '20200127' },
      ],
    });
  });

  it('leaves out children, people without a file, the agricultural regime and unknown NIRs, and counts them', async () => {
    const agricole = population.personnes.find((p) => p.regime === 'AGRICOLE');
    expect(agricole).toBeDefined();
    const absent = [nirOf('persona:enfant-1'), population.persona('registre-seul').nir, population.persona('homonyme-millau').nir, agricole!.nir, '299999999999905'];
    const known = population.persona('ne-en-corse').nir;
    const body = (await (await lot({ liste_nir: [...absent, known, known] })).json()) as { resultats: Array<{ NIR: string }>; nb_non_trouves: number };
    expect(body.resultats.map((r) => r.NIR)).toEqual([known]);
    expect(body.nb_non_trouves).toBe(absent.length);
  });
});
