import { expect } from '@jest/globals';
import { createPopulation, expectLegacyError, keyRefusalCases, keyRefused, legacySystem, postLegacy, useLegacyTestServer } from '../src/index';

const population = createPopulation({ size: 300, seed: 7 });
const recherche = (body: unknown, headers?: Record<string, string>) => postLegacy('cma', '/rm/v1/artisans/recherche', body, headers);
type Answer = { NB: number; ARTISANS: Array<Record<string, unknown> & { ENTREPRISES: Array<Record<string, unknown>>; PRESTATIONS: Array<Record<string, unknown>> }> };

useLegacyTestServer(population, ['cma']);

describe('CMA simulator', () => {
  it('is registered with its own header and a batch of 20 dates', () => {
    expect(legacySystem('cma')).toMatchObject({ name: 'cma', prefix: '/cma', apiKeyHeader: 'X-CMA-Token', maxBatchSize: 20 });
  });

  it.each(keyRefusalCases('cma', 'X-CCI-Api-Key'))('refuses a call %s with 401', async (_case, headers) => {
    await expectLegacyError(await recherche({ DATES_NAISS: ['19910614'] }, headers), 401, keyRefused);
  });

  it('accepts 20 dates and refuses 21 with 413', async () => {
    const dates = Array.from({ length: 21 }, (_, i) => `196001${String(i + 1).padStart(2, '0')}`);
    expect((await recherche({ DATES_NAISS: dates.slice(0, 20) })).status).toBe(200);
    await expectLegacyError(await recherche({ DATES_NAISS: dates }), 413, { code_erreur: 'LOT_TROP_GRAND', libelle: 'Au plus 20 dates de naissance par appel' });
  });

  it.each([
    ['unreadable JSON', '{', 'Corps JSON illisible'],
    ['an ISO date', { DATES_NAISS: ['1991-06-14'] }, 'Champ invalide : DATES_NAISS.0'],
    ['an empty list', { DATES_NAISS: [] }, 'Champ invalide : DATES_NAISS'],
    ['the CCI’s field name', { datesNaissance: ['19910614'] }, 'Champ invalide : DATES_NAISS'],
  ])('answers 400 to %s', async (_case, body, libelle) => {
    await expectLegacyError(await recherche(body), 400, { code_erreur: 'REQUETE_INVALIDE', libelle });
  });

  it('returns the micro-entrepreneur hairdresser as the CMA typed her, with her support, and no NIR', async () => {
    const response = await recherche({ DATES_NAISS: ['19910614'] });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Answer;
    expect(body.NB).toBe(body.ARTISANS.length);
    const costes = body.ARTISANS.filter((a) => a.NOM === 'COSTES');
    expect(costes).toEqual([
      expect.objectContaining({
        NOM_USAGE: '',
        PRENOMS: 'AURELIE MARIE',
        DATE_NAISS: '19910614',
        LIEU_NAISS: '46102',
        ENTREPRISES: [
          {
            SIREN: '924518301',
            ENSEIGNE: 'AURELIE COIFFURE A DOMICILE',
            FORME: 'ME',
            CODE_NAF: '9602A',
            ACTIVITE: 'COIFFURE A DOMICILE',
            QUALIF: 'ART',
            DATE_IMMAT: '20240304',
            DATE_RAD: '',
            ETAT: 'A',
          },
        ],
      }),
    ]);
    expect(costes[0]!.PRESTATIONS.map((p) => [p.CODE, p.DATE_DEB, p.DATE_FIN])).toEqual([
      ['INFO', '20231116', '20231116'],
      ['SPI', '20240122', '20240126'],
      ['FORMA', '20240220', '20240220'],
      ['SUIVI', '20250310', ''],
    ]);
    expect(JSON.stringify(body)).not.toContain(population.persona('micro-entrepreneur').nir);
  });

  it('knows both Jean Martin born on 14 March 1985 without their birth place', async () => {
    const body = (await (await recherche({ DATES_NAISS: ['19850314', '19850314'] })).json()) as Answer;
    expect(body.ARTISANS.filter((a) => a.NOM === 'MARTIN').map((a) => [a.PRENOMS, a.LIEU_NAISS])).toEqual([
      ['JEAN', ''],
      ['JEAN', ''],
    ]);
  });

  it('derives artisans from the population, always the same, in the documented format', async () => {
    const dates = [...new Set(population.personnes.slice(0, 300).map((p) => p.dateNaissance.replaceAll('-', '')))];
    const artisans: Answer['ARTISANS'] = [];
    for (let i = 0; i < dates.length; i += 20) artisans.push(...((await (await recherche({ DATES_NAISS: dates.slice(i, i + 20) })).json()) as Answer).ARTISANS);
    const derived = artisans.filter((a) => a.NOM !== 'COSTES' && a.NOM !== 'MARTIN');
    expect(derived.length).toBeGreaterThan(2);
    for (const a of derived) {
      expect(a.ENTREPRISES).toHaveLength(1);
      expect(a.ENTREPRISES[0]).toMatchObject({ SIREN: expect.stringMatching(/^\d{9}$/), FORME: expect.stringMatching(/^(ME|EI|SOC)$/), ETAT: expect.stringMatching(/^[AR]$/) });
      expect(a.ENTREPRISES[0]!.ETAT === 'R').toBe(a.ENTREPRISES[0]!.DATE_RAD !== '');
    }
    const again = createPopulation({ size: 300, seed: 7 });
    expect(again.personnes.map((p) => p.nir)).toEqual(population.personnes.map((p) => p.nir));
  });
});
