import { createPopulation, legacySystem, queryEntities, testUrlOf, useSubgraphTestBed } from '@passerelle/mocks';
import { silentLogger } from '@passerelle/subgraph-kit';
import { createServer, loadMsaConfig } from '../src/index';

// A person welcomed at reception without a NIR has a provisional key where the NIR would be (subgraphs/kit/src/identity/provisionalKey.ts).
const bed = useSubgraphTestBed({
  population: createPopulation({ size: 50, seed: 7 }),
  systems: ['msa'],
  start: () => createServer(loadMsaConfig({ MSA_PORT: '0', MSA_LEGACY_URL: testUrlOf('msa'), MSA_LEGACY_API_KEY: legacySystem('msa').devApiKey }), silentLogger),
});

describe('msa subgraph and a provisional key', () => {
  it('has nothing yet for a person known by a provisional key: null, no error, no call to its system', async () => {
    const result = await queryEntities(bed.server, [{ nir: 'PRV000000000042' }], 'msa { __typename }');
    expect(result).toEqual({ data: { _entities: [{ msa: null }] } });
    expect(bed.calls('msa').count()).toBe(0);
  });
});
