import { createPopulation, legacySystem, queryEntities, testUrlOf, useSubgraphTestBed } from '@passerelle/mocks';
import { silentLogger } from '@passerelle/subgraph-kit';
import { createServer, loadCarsatConfig } from '../src/index';

// A person welcomed at reception without a NIR has a provisional key where the NIR would be (subgraphs/kit/src/identity/provisionalKey.ts).
const bed = useSubgraphTestBed({
  population: createPopulation({ size: 50, seed: 7 }),
  systems: ['carsat'],
  start: () => createServer(loadCarsatConfig({ CARSAT_PORT: '0', CARSAT_LEGACY_URL: testUrlOf('carsat'), CARSAT_LEGACY_API_KEY: legacySystem('carsat').devApiKey }), silentLogger),
});

describe('carsat subgraph and a provisional key', () => {
  it('has nothing yet for a person known by a provisional key: null, no error, no call to its system', async () => {
    const result = await queryEntities(bed.server, [{ nir: 'PRV000000000042' }], 'carsat { __typename }');
    expect(result).toEqual({ data: { _entities: [{ carsat: null }] } });
    expect(bed.calls('carsat').count()).toBe(0);
  });
});
