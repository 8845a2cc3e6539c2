import { createPopulation, legacySystem, queryEntities, testUrlOf, useSubgraphTestBed } from '@passerelle/mocks';
import { silentLogger } from '@passerelle/subgraph-kit';
import { createServer, loadCpamConfig } from '../src/index';

// A person welcomed at reception without a NIR has a provisional key where the NIR would be (subgraphs/kit/src/identity/provisionalKey.ts).
const bed = useSubgraphTestBed({
  population: createPopulation({ size: 50, seed: 7 }),
  systems: ['cpam'],
  start: () => createServer(loadCpamConfig({ CPAM_PORT: '0', CPAM_LEGACY_URL: testUrlOf('cpam'), CPAM_LEGACY_API_KEY: legacySystem('cpam').devApiKey }), silentLogger),
});

describe('cpam subgraph and a provisional key', () => {
  it('has nothing yet for a person known by a provisional key: null, no error, no call to its system', async () => {
    const result = await queryEntities(bed.server, [{ nir: 'PRV000000000042' }], 'cpam { __typename }');
    expect(result).toEqual({ data: { _entities: [{ cpam: null }] } });
    expect(bed.calls('cpam').count()).toBe(0);
  });
});
