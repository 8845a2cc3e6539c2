import { createPopulation, expectLegacyError, keyRefusalCases, keyRefused, legacySystem, postLegacy, unknownNir, useLegacyTestServer } from '../src/index';

// Seed 1 at 3,000 people holds eight requests, two of them known by identity only (the first, SIAO-12-00005: four people).
const population = createPopulation({ size: 3000, seed: 1 });
const siao = legacySystem('siao');

const parNir = (body: unknown, headers?: Record<string, string>) => postLegacy('siao', '/si-siao/v3/personnes/recherche-nir', body, headers);
const parIdentite = (body: unknown) => postLegacy('siao', '/si-siao/v3/personnes/recherche-identite', body);

interface PersonneSiao {
  nir: string | null;
  nom_naissance: string;
  prenom: string;
  dt_naissance: string;
  demande_en_cours: { num_demande: string } | null;
  historique: unknown[];
}
const personnes = async (response: Response) => ((await response.json()) as { personnes: PersonneSiao[] }).personnes;

const sansNir = population.siao.find((d) => !d.nirConnu)!;
const membresSansNir = sansNir.personnes.map((ref) => population.personneParRef.get(ref)!);

useLegacyTestServer(population, ['siao']);

describe('SIAO simulator', () => {
  it('is registered with its conventions', () => {
    expect(siao).toMatchObject({ name: 'siao', prefix: '/siao', apiKeyHeader: 'X-SISIAO-Cle', maxBatchSize: 50 });
  });

  it.each(keyRefusalCases('siao', 'X-Api-Key'))('refuses a call %s with 401', async (_case, headers) => {
    await expectLegacyError(await parNir({ nirs: [population.persona('sans-domicile').nir] }, headers), 401, keyRefused);
  });

  it('accepts 50 NIRs and refuses 51 with 413', async () => {
    const nirs = population.personnes.slice(0, 51).map((p) => p.nir);
    expect((await parNir({ nirs: nirs.slice(0, 50) })).status).toBe(200);
    await expectLegacyError(await parNir({ nirs }), 413, { code_erreur: 'LOT_TROP_GRAND', libelle: 'Au plus 50 NIR par appel' });
  });

  it('refuses a list of identities: one person per call', async () => {
    const critere = { nom_naissance: 'ROUX', prenom: 'Mickael', dt_naissance: '19790826' };
    await expectLegacyError(await parIdentite([critere, critere]), 413, { code_erreur: 'LOT_TROP_GRAND', libelle: 'Une seule personne par appel' });
  });

  it.each([
    ['unreadable JSON', '/recherche-nir', '{', 'Corps JSON illisible'],
    ['the MSA field name', '/recherche-nir', { nirs_recherches: ['179081305500125'] }, 'Champ invalide : nirs'],
    ['an empty list', '/recherche-nir', { nirs: [] }, 'Champ invalide : nirs'],
    ['a malformed NIR', '/recherche-nir', { nirs: ['179081305500125', '1790813'] }, 'Champ invalide : nirs.1'],
    ['an ISO date of birth', '/recherche-identite', { nom_naissance: 'ROUX', prenom: 'Mickael', dt_naissance: '1979-08-26' }, 'Champ invalide : dt_naissance'],
    ['a blank first name', '/recherche-identite', { nom_naissance: 'ROUX', prenom: ' ', dt_naissance: '19790826' }, 'Champ invalide : prenom'],
    ['no birth name', '/recherche-identite', { prenom: 'Mickael', dt_naissance: '19790826' }, 'Champ invalide : nom_naissance'],
    ['unreadable JSON to the identity search', '/recherche-identite', '[', 'Corps JSON illisible'],
  ])('answers 400 to %s', async (_case, path, body, libelle) => {
    const response = await postLegacy('siao', `/si-siao/v3/personnes${path}`, body);
    await expectLegacyError(response, 400, { code_erreur: 'REQUETE_INVALIDE', libelle });
  });

  it('returns the homeless persona’s sheltered emergency request by NIR, in its legacy format', async () => {
    const nir = population.persona('sans-domicile').nir;
    const response = await parNir({ nirs: [nir] });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      personnes: [
        {
          nir,
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
        },
      ],
      nb_non_trouves: 0,
    });
  });

  it('finds by NIR only the people whose NIR it recorded, and counts the others once each', async () => {
    const recorded = population.siao
      .filter((d) => d.nirConnu)
      .flatMap((d) => d.personnes)
      .map((ref) => population.personneParRef.get(ref)!.nir);
    const others = [...membresSansNir.map((p) => p.nir), population.persona('rsa-isolee').nir, unknownNir()];
    expect(recorded.length).toBeGreaterThanOrEqual(5);
    expect(membresSansNir).toHaveLength(4);
    const response = await parNir({ nirs: [...recorded, ...others, recorded[0]] });
    const body = (await response.json()) as { personnes: PersonneSiao[]; nb_non_trouves: number };
    expect(body.personnes.map((p) => p.nir).sort()).toEqual([...recorded].sort());
    expect(body.nb_non_trouves).toBe(others.length);
  });

  it('finds a household member known by identity alone, with every name as SI-SIAO stores it and no NIR', async () => {
    const [membre] = membresSansNir;
    const found = await personnes(await parIdentite({ nom_naissance: membre!.nomNaissance.toLowerCase(), prenom: membre!.prenoms[0], dt_naissance: membre!.dateNaissance.replaceAll('-', '') }));
    expect(found).toEqual([
      expect.objectContaining({
        nir: null,
        nom_naissance: membre!.nomNaissance
          .normalize('NFD')
          .replace(/\p{Diacritic}/gu, '')
          .toUpperCase(),
        prenom: membre!.prenoms[0],
        dt_naissance: membre!.dateNaissance.replaceAll('-', ''),
        demande_en_cours: expect.objectContaining({ num_demande: sansNir.reference }) as unknown,
        historique: [],
      }),
    ]);
  });

  it('searches wide: name prefix, first-name initial and date of birth, accents ignored', async () => {
    const wide = { nom_naissance: 'Rouxel', prenom: 'Michel', dt_naissance: '19790826' };
    expect((await personnes(await parIdentite(wide))).map((p) => p.nir)).toEqual([population.persona('sans-domicile').nir]);
    expect(await personnes(await parIdentite({ ...wide, prenom: 'Kevin' }))).toEqual([]);
    expect(await personnes(await parIdentite({ ...wide, nom_naissance: 'Rau' }))).toEqual([]);
    expect(await personnes(await parIdentite({ ...wide, dt_naissance: '19790827' }))).toEqual([]);
  });

  it('does not know people without a SIAO request, by NIR or by identity', async () => {
    const p = population.persona('demandeur-emploi');
    expect(await (await parNir({ nirs: [p.nir] })).json()).toEqual({ personnes: [], nb_non_trouves: 1 });
    expect(await personnes(await parIdentite({ nom_naissance: p.nomNaissance, prenom: p.prenoms[0], dt_naissance: p.dateNaissance.replaceAll('-', '') }))).toEqual([]);
  });
});
