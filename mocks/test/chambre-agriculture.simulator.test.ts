import { createPopulation, expectLegacyError, keyRefusalCases, keyRefused, legacySystem, postLegacy, useLegacyTestServer } from '../src/index';

const population = createPopulation({ size: 3000, seed: 7 });
const recherche = (body: unknown, headers?: Record<string, string>) => postLegacy('chambre-agriculture', '/api/exploitants/recherche', body, headers);
type Exploitant = {
  nom: string;
  prenom: string;
  naissance: string;
  exploitations: Array<Record<string, unknown>>;
  accompagnements: Array<Record<string, unknown>>;
  suiviDifficulte: Record<string, unknown> | null;
};
const chambreDate = (iso: string) => iso.split('-').reverse().join('/');

useLegacyTestServer(population, ['chambre-agriculture']);

describe("Chambre d'agriculture simulator", () => {
  it('is registered with its own header and a batch of 25 dates', () => {
    expect(legacySystem('chambre-agriculture')).toMatchObject({ name: 'chambre-agriculture', prefix: '/chambre-agriculture', apiKeyHeader: 'X-ChambAgri-Cle', maxBatchSize: 25 });
  });

  it.each(keyRefusalCases('chambre-agriculture', 'X-CMA-Token'))('refuses a call %s with 401', async (_case, headers) => {
    await expectLegacyError(await recherche({ naissances: ['09/05/1971'] }, headers), 401, keyRefused);
  });

  it('accepts 25 dates and refuses 26 with 413', async () => {
    const dates = Array.from({ length: 26 }, (_, i) => `${String(i + 1).padStart(2, '0')}/01/1960`);
    expect((await recherche({ naissances: dates.slice(0, 25) })).status).toBe(200);
    await expectLegacyError(await recherche({ naissances: dates }), 413, { code_erreur: 'LOT_TROP_GRAND', libelle: 'Au plus 25 dates de naissance par appel' });
  });

  it.each([
    ['an ISO date', { naissances: ['1971-05-09'] }, 'Champ invalide : naissances.0'],
    ['a 31st of a 13th month', { naissances: ['31/13/1971'] }, 'Champ invalide : naissances.0'],
    ['no list', { naissance: '09/05/1971' }, 'Champ invalide : naissances'],
  ])('answers 400 to %s', async (_case, body, libelle) => {
    await expectLegacyError(await recherche(body), 400, { code_erreur: 'REQUETE_INVALIDE', libelle });
  });

  it('returns the sheep farmer in a restructuring plan under AREA, with no NIR, sex or birth place', async () => {
    const body = (await (await recherche({ naissances: ['09/05/1971'] })).json()) as { exploitants: Exploitant[] };
    const bousquet = body.exploitants.filter((e) => e.nom === 'BOUSQUET');
    expect(bousquet).toEqual([
      expect.objectContaining({
        prenom: 'Thierry',
        naissance: '09/05/1971',
        exploitations: [
          {
            siren: '404383218',
            raisonSociale: 'BOUSQUET THIERRY',
            statutJuridique: 'INDIVIDUEL',
            codeNaf: '01.45Z',
            production: 'Ovins lait (brebis laitières)',
            dateInstallation: '01/04/1996',
            dateCessation: null,
            dja: true,
          },
        ],
        suiviDifficulte: { etape: 'PLAN', dispositif: 'AREA', dateSignalement: '27/01/2026', dateEtape: '15/09/2026' },
      }),
    ]);
    expect(bousquet[0]!.accompagnements.map((a) => [a.type, a.fin])).toEqual([
      ['PAI', '12/09/1995'],
      ['PPP', '29/03/1996'],
      ['REAGIR', '31/03/2026'],
      ['AUDIT', '30/06/2026'],
      ['STE', null],
    ]);
    expect(Object.keys(bousquet[0]!)).toEqual(['nom', 'prenom', 'naissance', 'exploitations', 'accompagnements', 'suiviDifficulte']);
    expect(JSON.stringify(body)).not.toContain(population.persona('exploitant-agricole').nir);
  });

  it('knows every MSA farm operator of the population, some of them followed in difficulty', async () => {
    const farmers = population.msa.flatMap((d) => d.activites.filter((a) => a.statut === 'EXPLOITANT').map((a) => population.personneParRef.get(a.personne)!));
    expect(farmers.length).toBeGreaterThan(5);
    const dates = [...new Set(farmers.map((p) => chambreDate(p.dateNaissance)))];
    const found: Exploitant[] = [];
    for (let i = 0; i < dates.length; i += 25) found.push(...((await (await recherche({ naissances: dates.slice(i, i + 25) })).json()) as { exploitants: Exploitant[] }).exploitants);
    for (const farmer of farmers) expect(found.filter((e) => e.nom === farmer.nomNaissance.toUpperCase() && e.naissance === chambreDate(farmer.dateNaissance)).length).toBeGreaterThanOrEqual(1);
    expect(found.some((e) => e.suiviDifficulte !== null)).toBe(true);
    for (const e of found.filter((x) => x.suiviDifficulte)) {
      expect(['SIGNALEMENT', 'ECOUTE', 'AUDIT', 'PLAN', 'SUIVI', 'CLOS']).toContain(e.suiviDifficulte!.etape);
      if (['PLAN', 'SUIVI'].includes(e.suiviDifficulte!.etape as string)) expect(e.suiviDifficulte!.dispositif).toBe('AREA');
    }
  });
});
