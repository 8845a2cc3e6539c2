import path from 'node:path';
import { configProblemsOf } from './support/configProblemsOf';
import { loadGatewayConfig } from '../src/config';

const problemsOf = configProblemsOf;

test('unset variables give the documented defaults', () => {
  const config = loadGatewayConfig({});
  expect(config).toMatchObject({ port: 4000, host: '127.0.0.1', mode: 'dev', subgraphTimeoutMs: 10_000, logLevel: 'info' });
  expect(config.subgraphUrls.size).toBe(0);
  expect(config.supergraphPath).toBe(path.resolve(__dirname, '../../schema/supergraph.graphql'));
});

test('SUBGRAPH_URLS is parsed into a map, tolerating spaces, blank entries and trailing slashes', () => {
  const config = loadGatewayConfig({ SUBGRAPH_URLS: ' caf=http://127.0.0.1:4002/graphql , cpam = https://cpam.example/graphql/ ,' });
  expect([...config.subgraphUrls]).toEqual([
    ['caf', 'http://127.0.0.1:4002/graphql'],
    ['cpam', 'https://cpam.example/graphql'],
  ]);
});

const nameUrl = 'expected name=url, e.g. caf=http://127.0.0.1:4002/graphql';

test.each([
  ['caf', `entry 1: ${nameUrl}`],
  ['=http://127.0.0.1:4002/graphql', `entry 1: ${nameUrl}`],
  ['caf=http://a/graphql,cpam http://b/graphql', `entry 2: ${nameUrl}`],
  ['caf=not a url', 'subgraph "caf": expected an absolute http(s) URL'],
  ['caf=http://a/graphql,caf=http://b/graphql', 'subgraph "caf" is given twice'],
])('malformed SUBGRAPH_URLS %p is a ConfigError naming the variable', (value, reason) => {
  expect(problemsOf({ SUBGRAPH_URLS: value })).toEqual([`SUBGRAPH_URLS: ${reason}`]);
});

test('a rejected URL is not echoed: it may carry credentials', () => {
  const [problem] = problemsOf({ SUBGRAPH_URLS: 'caf=ftp://user:s3cret@caf.example/graphql' });
  expect(problem).toBe('SUBGRAPH_URLS: subgraph "caf": expected an absolute http(s) URL');
  expect(problem).not.toContain('s3cret');
});

test.each(['abc', '70000', '-1', '4000.5'])('GATEWAY_PORT=%p is a ConfigError naming the variable', (value) => {
  expect(problemsOf({ GATEWAY_PORT: value })).toEqual(['GATEWAY_PORT: expected an integer between 0 and 65535']);
});

test('every malformed variable is reported at once', () => {
  const problems = problemsOf({ GATEWAY_PORT: 'x', PASSERELLE_MODE: 'prod', SUBGRAPH_TIMEOUT_MS: '10', SUBGRAPH_URLS: 'caf' });
  expect(problems.map((problem) => problem.split(':')[0])).toEqual(['GATEWAY_PORT', 'PASSERELLE_MODE', 'SUBGRAPH_TIMEOUT_MS', 'SUBGRAPH_URLS']);
});

test('a relative SUPERGRAPH_PATH is taken from the working directory', () => {
  expect(loadGatewayConfig({ SUPERGRAPH_PATH: 'schema/supergraph.graphql' }).supergraphPath).toBe(path.resolve('schema/supergraph.graphql'));
});

describe('telemetry', () => {
  it('turns off @apollo/gateway’s data collection before the gateway is built', async () => {
    delete process.env.APOLLO_TELEMETRY_DISABLED;
    const { createGateway } = await import('../src/createGateway');
    const { silentLogger } = await import('@passerelle/subgraph-kit');
    const { loadGatewayConfig } = await import('../src/config');
    createGateway(loadGatewayConfig({ SUPERGRAPH_PATH: __filename }), silentLogger);
    expect(process.env.APOLLO_TELEMETRY_DISABLED).toBe('true');
  });
});
