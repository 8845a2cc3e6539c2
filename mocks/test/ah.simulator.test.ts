import { createPopulation, expectLegacyError, keyRefusalCases, keyRefused, legacySystem, postLegacy, useLegacyTestServer } from '../src/index';

const population = createPopulation({ size: 300, seed: 7 });
const ah = legacySystem('ah');

const recherche = (body: unknown, headers?: Record<string, string>) => postLegacy('ah', '/occupation/v2/personnes/recherche', body, headers);
type Fiche = { typeFiche: string; personne: Record<string, unknown>; bail: Record<string, unknown> | null; demande: Record<string, unknown> | null };
type Page = { page: number; taillePage: number; nbResultats: number; nbPages: number; resultats: Fiche[] };
const legacyDate = (iso: string) => iso.replaceAll('-', '');

useLegacyTestServer(population, ['ah']);

describe('Aveyron Habitat simulator', () => {
  it('is registered with its own header and a batch of 50 dates', () => {
    expect(ah).toMatchObject({ name: 'ah', prefix: '/ah', apiKeyHeader: 'X-AH-Token', maxBatchSize: 50 });
  });

  it.each(keyRefusalCases('ah', 'X-Api-Key'))('refuses a call %s with 401', async (_case, headers) => {
    const response = await recherche({ datesNaissance: ['19750930'] }, headers);
    await expectLegacyError(response, 401, keyRefused);
  });

  it('accepts 50 dates and refuses 51 with 413', async () => {
    const dates = Array.from({ length: 51 }, (_, i) => `1960${String(1 + Math.floor(i / 28)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`);
    expect(new Set(dates).size).toBe(51);
    expect((await recherche({ datesNaissance: dates.slice(0, 50) })).status).toBe(200);
    const response = await recherche({ datesNaissance: dates });
    await expectLegacyError(response, 413, { code_erreur: 'LOT_TROP_GRAND', libelle: 'Au plus 50 dates de naissance par appel' });
  });

  it.each([
    ['unreadable JSON', '{', 'Corps JSON illisible'],
    ['RAH’s field name', { date_naissance: '19750930' }, 'Champ invalide : datesNaissance'],
    ['an empty list', { datesNaissance: [] }, 'Champ invalide : datesNaissance'],
    ['an ISO date', { datesNaissance: ['19750930', '1975-09-30'] }, 'Champ invalide : datesNaissance.1'],
    ['page 0', { datesNaissance: ['19750930'], page: 0 }, 'Champ invalide : page'],
  ])('answers 400 to %s', async (_case, body, libelle) => {
    const response = await recherche(body);
    await expectLegacyError(response, 400, { code_erreur: 'REQUETE_INVALIDE', libelle });
  });

  it('refuses pages larger than 200', async () => {
    const response = await recherche({ datesNaissance: ['19750930'], taillePage: 201 });
    await expectLegacyError(response, 400, { code_erreur: 'TAILLE_PAGE', libelle: 'Au plus 200 résultats par page' });
  });

  it('returns the lease in arrears with a plan kept of the persona born abroad, without NIR', async () => {
    const response = await recherche({ datesNaissance: ['19750930'] });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Page;
    expect(body).toEqual({
      page: 1,
      taillePage: 100,
      nbResultats: 1,
      nbPages: 1,
      resultats: [
        {
          typeFiche: 'BAIL',
          personne: { nom: 'EL IDRISSI', prenom: 'FATIMA', dateNaissance: '19750930', codeInseeNaissance: '99350' },
          bail: {
            numeroBail: 'AH/12176/0415',
            nbPieces: 3,
            surfaceM2: 64,
            adresse: { voie: '18 rue des Coquelicots', codePostal: '12850', commune: 'Onet-le-Château' },
            loyerCentimes: 38900,
            chargesCentimes: 6000,
            soldeCentimes: 52000,
            nbMoisImpayes: 4,
            planApurement: { mensualiteCentimes: 5000, debut: '20260601', fin: '20270501', respecte: true },
            dateEntree: '20161101',
          },
          demande: null,
        },
      ],
    });
    expect(JSON.stringify(body)).not.toContain(population.persona('ne-a-l-etranger').nir);
  });

  it('gives each co-holder of a lease their own record, as typed, for the dates asked only', async () => {
    const body = (await (await recherche({ datesNaissance: ['19870621'] })).json()) as Page;
    expect(body.resultats.map((f) => [f.typeFiche, f.personne, f.bail?.numeroBail])).toEqual([
      ['BAIL', { nom: 'BENALI', prenom: 'JULIE', dateNaissance: '19870621', codeInseeNaissance: null }, 'AH/12176/0932'],
    ]);
    const both = (await (await recherche({ datesNaissance: ['19870621', '19841005'] })).json()) as Page;
    expect(both.resultats.map((f) => f.personne.prenom)).toEqual(['JULIE', 'KARIM']);
  });

  it('serves long answers page by page, in a stable order', async () => {
    const dates = [
      ...new Set(
        population.demandes
          .filter((d) => d.bailleur === 'ah')
          .map((d) => d.demandeur.dateNaissance)
          .concat(population.baux.filter((b) => b.bailleur === 'ah').flatMap((b) => b.titulaires.map((t) => t.dateNaissance))),
      ),
    ]
      .slice(0, 50)
      .map(legacyDate);
    const whole = (await (await recherche({ datesNaissance: dates, taillePage: 200 })).json()) as Page;
    expect(whole.nbResultats).toBeGreaterThan(3);
    const pages: Fiche[] = [];
    for (let page = 1; page <= Math.ceil(whole.nbResultats / 3); page += 1) {
      const answer = (await (await recherche({ datesNaissance: dates, page, taillePage: 3 })).json()) as Page;
      expect(answer).toMatchObject({ page, taillePage: 3, nbResultats: whole.nbResultats, nbPages: Math.ceil(whole.nbResultats / 3) });
      pages.push(...answer.resultats);
    }
    expect(pages).toEqual(whole.resultats);
    expect(whole.resultats.some((f) => f.typeFiche === 'DEMANDE' && f.demande !== null && f.bail === null)).toBe(true);
  });
});
