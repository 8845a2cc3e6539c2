import { createPopulation, expectLegacyError, keyRefusalCases, keyRefused, legacySystem, postLegacy, useLegacyTestServer } from '../src/index';
import { luhnValid } from '../src/simulators/consulaires';

const population = createPopulation({ size: 2000, seed: 7 });
const recherche = (body: unknown, headers?: Record<string, string>) => postLegacy('cci', '/api/v2/ressortissants/recherche', body, headers);
type Ressortissant = { identite: Record<string, unknown>; entreprises: Array<Record<string, unknown>>; prestations: Array<Record<string, unknown>> };

useLegacyTestServer(population, ['cci']);

/** Every ressortissant born on the population's dates, in batches of 50. */
async function everyone(): Promise<Ressortissant[]> {
  const dates = [...new Set(population.personnes.map((p) => p.dateNaissance))];
  const found: Ressortissant[] = [];
  for (let i = 0; i < dates.length; i += 50) found.push(...((await (await recherche({ datesNaissance: dates.slice(i, i + 50) })).json()) as { ressortissants: Ressortissant[] }).ressortissants);
  return found;
}

describe('CCI simulator', () => {
  it('is registered with its own header and a batch of 50 dates', () => {
    expect(legacySystem('cci')).toMatchObject({ name: 'cci', prefix: '/cci', apiKeyHeader: 'X-CCI-Api-Key', maxBatchSize: 50 });
  });

  it.each(keyRefusalCases('cci', 'X-CMA-Token'))('refuses a call %s with 401', async (_case, headers) => {
    await expectLegacyError(await recherche({ datesNaissance: ['1991-06-14'] }, headers), 401, keyRefused);
  });

  it('accepts 50 dates and refuses 51 with 413', async () => {
    const dates = Array.from({ length: 51 }, (_, i) => `1960-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`);
    expect((await recherche({ datesNaissance: dates.slice(0, 50) })).status).toBe(200);
    await expectLegacyError(await recherche({ datesNaissance: dates }), 413, { code_erreur: 'LOT_TROP_GRAND', libelle: 'Au plus 50 dates de naissance par appel' });
  });

  it.each([
    ['unreadable JSON', '{', 'Corps JSON illisible'],
    ['a CMA date', { datesNaissance: ['19910614'] }, 'Champ invalide : datesNaissance.0'],
    ['an impossible month', { datesNaissance: ['1991-13-14'] }, 'Champ invalide : datesNaissance.0'],
  ])('answers 400 to %s', async (_case, body, libelle) => {
    await expectLegacyError(await recherche(body), 400, { code_erreur: 'REQUETE_INVALIDE', libelle });
  });

  it('knows no documented persona', async () => {
    const dates = population.personas.map((p) => population.persona(p.key).dateNaissance);
    const body = (await (await recherche({ datesNaissance: [...new Set(dates)] })).json()) as { ressortissants: Ressortissant[] };
    const names = new Set(population.personas.map((p) => population.persona(p.key).nomNaissance.toUpperCase()));
    expect(body.ressortissants.filter((r) => names.has(r.identite.nomNaissance as string))).toEqual([]);
  });

  it('derives traders from the population with valid SIRENs, INSEE legal categories and no NIR', async () => {
    const found = await everyone();
    expect(found.length).toBeGreaterThan(10);
    for (const r of found) {
      const [e] = r.entreprises;
      expect(luhnValid(e!.siren as string)).toBe(true);
      expect(['1000', '5499', '5498', '5710', '5720']).toContain(e!.categorieJuridique);
      if (e!.microEntrepreneur) expect(e!.categorieJuridique).toBe('1000');
      expect(r.identite.codeCommuneNaissance).toMatch(/^(\d{5}|2[AB]\d{3})$/);
    }
    expect(found.some((r) => r.entreprises[0]!.dateRadiation !== null)).toBe(true);
    expect(found.some((r) => r.prestations.length > 0)).toBe(true);
    const nirs = population.personnes.map((p) => p.nir);
    const text = JSON.stringify(found);
    expect(nirs.filter((nir) => text.includes(nir))).toEqual([]);
  });
});
