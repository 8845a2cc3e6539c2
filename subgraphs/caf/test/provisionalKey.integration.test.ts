import { createPopulation, legacySystem, queryEntities, testUrlOf, useSubgraphTestBed } from '@passerelle/mocks';
import { silentLogger } from '@passerelle/subgraph-kit';
import { createServer, loadCafConfig } from '../src/index';

// A person welcomed at reception without a NIR has a provisional key where the NIR would be (subgraphs/kit/src/identity/provisionalKey.ts).
const bed = useSubgraphTestBed({
  population: createPopulation({ size: 50, seed: 7 }),
  systems: ['caf'],
  start: () => createServer(loadCafConfig({ CAF_PORT: '0', CAF_LEGACY_URL: testUrlOf('caf'), CAF_LEGACY_API_KEY: legacySystem('caf').devApiKey }), silentLogger),
});

describe('caf subgraph and a provisional key', () => {
  it('has nothing yet for a person known by a provisional key: null, no error, no call to its system', async () => {
    const result = await queryEntities(bed.server, [{ nir: 'PRV000000000042' }], 'caf { __typename }');
    expect(result).toEqual({ data: { _entities: [{ caf: null }] } });
    expect(bed.calls('caf').count()).toBe(0);
  });
});
