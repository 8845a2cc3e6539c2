import { expect } from '@jest/globals';
import { loadGatewayConfig } from '../../src/config';

test('the fetch path defaults: undici pools of 32 connections, coalescing on', () => {
  const config = loadGatewayConfig({});
  expect([config.subgraphFetcher, config.subgraphConnections, config.subgraphFetchCoalescing]).toEqual(['undici', 32, true]);
  expect(loadGatewayConfig({ SUBGRAPH_FETCH_COALESCING: 'false', SUBGRAPH_FETCHER: 'fetch' })).toMatchObject({ subgraphFetchCoalescing: false, subgraphFetcher: 'fetch' });
});

test.each([
  ['SUBGRAPH_FETCH_COALESCING', 'maybe'],
  ['SUBGRAPH_FETCHER', 'axios'],
  ['SUBGRAPH_CONNECTIONS', '0'],
])('%s=%s is refused, naming the variable', (name, value) => {
  expect(() => loadGatewayConfig({ [name]: value })).toThrow(name);
});
