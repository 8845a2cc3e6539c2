import { createPopulation, legacySystem, queryEntities, testUrlOf, useSubgraphTestBed } from '@passerelle/mocks';
import { silentLogger } from '@passerelle/subgraph-kit';
import { createServer, loadFranceTravailConfig } from '../src/index';

// A person welcomed at reception without a NIR has a provisional key where the NIR would be (subgraphs/kit/src/identity/provisionalKey.ts).
const bed = useSubgraphTestBed({
  population: createPopulation({ size: 50, seed: 7 }),
  systems: ['france-travail'],
  start: () =>
    createServer(
      loadFranceTravailConfig({ FRANCE_TRAVAIL_PORT: '0', FRANCE_TRAVAIL_LEGACY_URL: testUrlOf('france-travail'), FRANCE_TRAVAIL_LEGACY_API_KEY: legacySystem('france-travail').devApiKey }),
      silentLogger,
    ),
});

describe('france-travail subgraph and a provisional key', () => {
  it('has nothing yet for a person known by a provisional key: null, no error, no call to its system', async () => {
    const result = await queryEntities(bed.server, [{ nir: 'PRV000000000042', identitePivot: { dateNaissance: '1990-04-12' } }], 'franceTravail { __typename }');
    expect(result).toEqual({ data: { _entities: [{ franceTravail: null }] } });
    expect(bed.calls('france-travail').count()).toBe(0);
  });
});
