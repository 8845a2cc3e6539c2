import { createPopulation, legacySystem, testUrlOf, useLegacyTestServer } from '@passerelle/mocks';
import { http, HttpResponse } from 'msw';
import { createAhClient } from '../src/legacy/ahClient';

const ahUrl = `${testUrlOf('ah')}/occupation/v2/personnes/recherche`;
const population = createPopulation({ size: 300, seed: 7 });
const simulated = useLegacyTestServer(population, ['ah']);
/** The page each AH call asked for, in the order the calls started. */
const pages = async () => (await simulated.calls('ah').bodies()).map((body) => (body as { page: number }).page);

const client = (pageSize?: number) => createAhClient({ baseUrl: testUrlOf('ah'), apiKey: legacySystem('ah').devApiKey, timeoutMs: 5_000 }, { pageSize });

describe('AH client', () => {
  it('reads every page of a long answer, in order', async () => {
    // The retiree, the born-abroad persona and both spouses: 4 records (Karim's date included).
    const dates = ['1942-02-08', '1975-09-30', '1987-06-21', '1984-10-05'];
    const whole = await client().fichesNesLes(dates);
    expect(whole).toHaveLength(4);
    expect(await pages()).toEqual([1]);
    simulated.calls('ah').reset();
    expect(await client(1).fichesNesLes(dates)).toEqual(whole);
    expect(await pages()).toEqual([1, 2, 3, 4]);
  });

  it('stops after 20 pages rather than follow an answer that never ends', async () => {
    simulated.legacy.use(http.post(ahUrl, () => HttpResponse.json({ page: 1, taillePage: 1, nbResultats: 10_000, nbPages: 10_000, resultats: [] })));
    await expect(client(1).fichesNesLes(['1942-02-08'])).rejects.toMatchObject({ extensions: { code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'ah', retryable: false } });
    expect(await pages()).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});
