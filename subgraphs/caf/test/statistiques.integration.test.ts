import { createPopulation, legacySystem, postGraphQL, testUrlOf, useSubgraphTestBed } from '@passerelle/mocks';
import { silentLogger } from '@passerelle/subgraph-kit';
import { createServer, loadCafConfig } from '../src/index';

// The synthetic population of the README's figures (mocks/src/population, default size and seed).
const bed = useSubgraphTestBed({
  population: createPopulation(),
  systems: ['caf'],
  start: () => createServer(loadCafConfig({ CAF_PORT: '0', CAF_LEGACY_URL: testUrlOf('caf'), CAF_LEGACY_API_KEY: legacySystem('caf').devApiKey }), silentLogger),
});

type Cellule = { modalite: string; effectif: number | null; montant: number | null; secret: string | null };
type Tableau = { dimension: string; filtre: { modalite: string } | null; cellules: Cellule[]; total: Cellule; dateReference: string };
const cellule = 'modalite effectif montant secret';
const tableau = `dimension filtre { modalite } cellules { ${cellule} } total { ${cellule} } dateReference`;
const ask = (fields: string, mois = '2026-10') => postGraphQL<{ statistiques: { caf: Record<string, Tableau> } }>(bed.server, `{ statistiques(mois: "${mois}") { mois caf { ${fields} } } }`);

describe('the CAF statistics', () => {
  it('counts households by benefit in one commune with its own system, suppressing cells under 11 and their complements', async () => {
    const answer = await ask(`foyersParPrestation(par: PRESTATION, commune: "12241") { ${tableau} }`);
    expect(answer.errors).toBeUndefined();
    const t = answer.data!.statistiques.caf.foyersParPrestation!;
    expect([t.dimension, t.filtre, t.dateReference]).toEqual(['PRESTATION', { modalite: '12241' }, '2026-10-31']);
    const secret = t.cellules.filter((c) => c.secret !== null);
    expect(secret.length).toBeGreaterThanOrEqual(2);
    for (const c of secret) expect([c.effectif, c.montant]).toEqual([null, null]);
    for (const c of t.cellules.filter((c) => c.secret === null)) expect(c.effectif).toBeGreaterThanOrEqual(11);
    expect(t.cellules.find((c) => c.modalite === 'AAH')?.secret).toBe('EFFECTIF_INFERIEUR_AU_SEUIL');
  });

  it('asks the CAF once per month however many tables of the statistic a request reads', async () => {
    const answer = await ask(`a: foyersParPrestation(par: COMMUNE) { total { effectif } } b: foyersParPrestation(par: COMMUNE, prestation: RSA) { total { effectif montant } }`);
    expect(answer.errors).toBeUndefined();
    expect(bed.calls('caf').count()).toBe(1);
    const { a, b } = answer.data!.statistiques.caf as unknown as Record<'a' | 'b', Tableau>;
    expect(a.total.effectif).toBeGreaterThan(b.total.effectif!);
    expect(b.total.montant).toBeGreaterThan(0);
  });

  it('refuses a filter on the dimension broken down and an unknown commune, naming the argument', async () => {
    const answer = await ask(`a: foyersParPrestation(par: COMMUNE, commune: "12202") { total { effectif } } b: foyersParPrestation(par: PRESTATION, commune: "75056") { total { effectif } }`);
    expect(answer.data).toEqual({ statistiques: { mois: '2026-10', caf: { a: null, b: null } } });
    expect(answer.errors?.map((e) => ({ path: e.path, ...e.extensions }))).toEqual([
      { path: ['statistiques', 'caf', 'a'], code: 'ARGUMENT_INVALIDE', argument: 'commune', retryable: false },
      { path: ['statistiques', 'caf', 'b'], code: 'ARGUMENT_INVALIDE', argument: 'commune', retryable: false },
    ]);
  });

  it('refuses a month that is not YYYY-MM, naming the argument', async () => {
    const answer = await ask('foyersParPrestation(par: COMMUNE) { total { effectif } }', '2026-1');
    expect(answer.data).toBeNull();
    expect(answer.errors?.map((e) => ({ path: e.path, ...e.extensions }))).toEqual([{ path: ['statistiques'], code: 'ARGUMENT_INVALIDE', argument: 'mois', retryable: false }]);
  });
});
