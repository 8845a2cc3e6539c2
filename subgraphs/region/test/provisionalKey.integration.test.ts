import { createPopulation, legacySystem, queryEntities, testUrlOf, useSubgraphTestBed } from '@passerelle/mocks';
import { silentLogger } from '@passerelle/subgraph-kit';
import { createServer, loadRegionConfig } from '../src/index';

// A person welcomed at reception without a NIR has a provisional key where the NIR would be (subgraphs/kit/src/identity/provisionalKey.ts).
const bed = useSubgraphTestBed({
  population: createPopulation({ size: 50, seed: 7 }),
  systems: ['region'],
  start: () => createServer(loadRegionConfig({ REGION_PORT: '0', REGION_LEGACY_URL: testUrlOf('region'), REGION_LEGACY_API_KEY: legacySystem('region').devApiKey }), silentLogger),
});

describe('region subgraph and a provisional key', () => {
  it('has nothing yet for a person known by a provisional key: null, no error, no call to its system', async () => {
    const result = await queryEntities(bed.server, [{ nir: 'PRV000000000042', identitePivot: { dateNaissance: '1990-04-12' } }], 'formationProfessionnelle { __typename }');
    expect(result).toEqual({ data: { _entities: [{ formationProfessionnelle: null }] } });
    expect(bed.calls('region').count()).toBe(0);
  });
});
