import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, silentLogger, type RunningSubgraphServer } from '@passerelle/subgraph-kit';
import { devGatewayContextKeysPath, readGatewayContextKeys, signGatewayContext } from '@passerelle/subgraph-kit/context-keys';
import { devGatewayContextJwks, gatewayContextHeader, gatewayContextKeyResolver, verifyGatewayContext } from '@passerelle/subgraph-kit/security';
import { loadGatewayConfig } from '../src/config';
import { createGateway } from '../src/createGateway';
import { rotateContextKeys } from '../src/contextKeys/rotateContextKeys';
import { createServer, type RunningGateway } from '../src/server';
import { postGraphQL } from './support/postGraphQL';
import { composeSupergraph, startTestSubgraphs, subgraphSdl, type SubgraphName } from './support/testSubgraphs';
import { testContextKeysPath } from './support/testContextKeys';
import { withTestJournal } from './support/tempJournalPath';

let dir: string;
let subgraphs: Record<SubgraphName, RunningSubgraphServer>;
let env: NodeJS.ProcessEnv;
let gateway: RunningGateway;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'passerelle-contexte-'));
  const supergraphPath = path.join(dir, 'supergraph.graphql');
  writeFileSync(supergraphPath, composeSupergraph(subgraphSdl));
  subgraphs = await startTestSubgraphs(Promise.resolve());
  const urls = Object.entries(subgraphs).map(([name, server]) => `${name}=${server.url}/graphql`);
  env = { GATEWAY_PORT: '0', SUPERGRAPH_PATH: supergraphPath, SUBGRAPH_URLS: urls.join(',') };
  gateway = await createServer(loadGatewayConfig(withTestJournal(env)), silentLogger);
});

afterAll(async () => {
  await gateway?.stop();
  await Promise.all(Object.values(subgraphs ?? {}).map((server) => server.stop()));
  rmSync(dir, { recursive: true, force: true });
});

/** POSTs straight to a subgraph, as only the gateway should, with the headers given. */
async function postToSubgraph(name: SubgraphName, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${subgraphs[name].url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  return { status: response.status, body: await response.json() };
}

const refused = (code: string, message: string) => ({ errors: [{ message, extensions: { code, retryable: false } }] });

test('every fetch of a federated query carries a context its subgraph accepts', async () => {
  const { status, body } = await postGraphQL(gateway.url, '{ usager(id: "u-1") { id nom caf cpam } }');
  expect(status).toBe(200);
  expect(body).toEqual({ data: { usager: { id: 'u-1', nom: 'Nom de u-1', caf: 'CAF-u-1', cpam: 'CPAM-u-1' } } });
});

test.each<SubgraphName>(['identite', 'caf', 'cpam'])('a direct call to the %s subgraph, without the gateway’s context, is refused with 401', async (name) => {
  expect(await postToSubgraph(name, {})).toEqual({ status: 401, body: refused('CONTEXTE_PASSERELLE_ABSENT', 'This subgraph answers only the Passerelle gateway.') });
});

const devKey = readGatewayContextKeys(devGatewayContextKeysPath).signing;
const jwksPath = '/.well-known/passerelle-contexte-jwks.json';

test('a context signed for another subgraph is refused: it cannot be replayed', async () => {
  const forIdentite = await signGatewayContext({ requestId: 'r-1', caller: null, finalite: null }, { key: devKey, audience: 'identite' });
  expect(await postToSubgraph('identite', { [gatewayContextHeader]: forIdentite })).toMatchObject({ status: 200 });
  expect(await postToSubgraph('caf', { [gatewayContextHeader]: forIdentite })).toEqual({
    status: 401,
    body: refused('CONTEXTE_PASSERELLE_INVALIDE', 'The gateway context is invalid or has expired.'),
  });
});

test('a gateway whose keys the subgraphs do not trust gets their data refused: HTTP 200, null and PARTENAIRE_ACCES_REFUSE naming the partner', async () => {
  const misconfigured = await createServer(loadGatewayConfig(withTestJournal({ ...env, GATEWAY_CONTEXT_KEYS: testContextKeysPath() })), silentLogger);
  try {
    const { status, body } = await postGraphQL(misconfigured.url, '{ usager(id: "u-1") { id nom } }');
    expect(status).toBe(200);
    expect(body).toEqual({
      data: { usager: null },
      // A failed root fetch reaches the client without a path (the gateway's behaviour for any root fetch).
      errors: [{ message: "The identite subgraph refused the gateway's credentials.", extensions: { code: 'PARTENAIRE_ACCES_REFUSE', partenaire: 'identite', retryable: false } }],
    });
  } finally {
    await misconfigured.stop();
  }
});

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

test('a gateway in production mode refuses the development keys, even copied under another kid, and accepts its own', () => {
  const production = { SUPERGRAPH_PATH: __filename, PASSERELLE_MODE: 'production' };
  const refusal = "GATEWAY_CONTEXT_KEYS: the development keys are refused in production; create the gateway's own with npm run context-keys -- --rotate <file>";
  expect(problemsOf(() => createGateway(loadGatewayConfig(withTestJournal(production)), silentLogger))).toEqual([refusal]);
  const copy = path.join(dir, 'dev-copy.json');
  const { keys } = JSON.parse(readFileSync(devGatewayContextKeysPath, 'utf8')) as { keys: Array<Record<string, unknown>> };
  writeFileSync(copy, JSON.stringify({ keys: [{ ...keys[0], kid: 'gateway-2025-01' }] }));
  expect(problemsOf(() => createGateway(loadGatewayConfig(withTestJournal({ ...production, GATEWAY_CONTEXT_KEYS: copy })), silentLogger))).toEqual([refusal]);
  expect(() => createGateway(loadGatewayConfig(withTestJournal({ ...production, GATEWAY_CONTEXT_KEYS: testContextKeysPath() })), silentLogger)).not.toThrow();
});

test('a GATEWAY_CONTEXT_KEYS file that is not keys stops the start with a ConfigError naming the variable', () => {
  const notKeys = path.join(dir, 'not-keys.json');
  writeFileSync(notKeys, JSON.stringify({ keys: [{ kty: 'oct', k: 'c2VjcmV0', kid: 'hs' }] }));
  expect(problemsOf(() => createGateway(loadGatewayConfig(withTestJournal({ ...env, GATEWAY_CONTEXT_KEYS: notKeys })), silentLogger))).toEqual([
    `GATEWAY_CONTEXT_KEYS: ${notKeys}: key 1: expected an EC P-256 private key (kty "EC", crv "P-256", x, y, d)`,
  ]);
});

describe('GET /.well-known/passerelle-contexte-jwks.json', () => {
  test('serves the development public key on the defaults, and nothing private', async () => {
    const response = await fetch(`${gateway.url}${jwksPath}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await response.text();
    expect(JSON.parse(text)).toEqual(devGatewayContextJwks);
    expect(text).not.toMatch(/"d"/);
  });

  test('serves the public half of the current and previous keys, which a subgraph can use as its GATEWAY_CONTEXT_JWKS', async () => {
    const keysFile = path.join(dir, 'rotated', 'keys.json');
    rotateContextKeys(keysFile);
    rotateContextKeys(keysFile);
    const privateKeys = JSON.parse(readFileSync(keysFile, 'utf8')) as { keys: Array<{ kid: string; x: string; y: string; d: string }> };
    const rotated = await createServer(loadGatewayConfig(withTestJournal({ ...env, GATEWAY_CONTEXT_KEYS: keysFile })), silentLogger);
    try {
      const text = await (await fetch(`${rotated.url}${jwksPath}`)).text();
      expect(JSON.parse(text)).toEqual({ keys: privateKeys.keys.map(({ kid, x, y }) => ({ kty: 'EC', crv: 'P-256', x, y, kid, alg: 'ES256', use: 'sig' })) });
      for (const key of privateKeys.keys) expect(text).not.toContain(key.d);
      // A subgraph reading this URL accepts what the gateway signs with the current key, and with the previous one.
      const keys = gatewayContextKeyResolver(`${rotated.url}${jwksPath}`);
      const current = readGatewayContextKeys(keysFile).signing;
      const previousFile = path.join(dir, 'rotated', 'previous.json');
      writeFileSync(previousFile, JSON.stringify({ keys: [privateKeys.keys[1]] }));
      const previous = readGatewayContextKeys(previousFile).signing;
      const appel = { requestId: 'r-jwks', caller: null, finalite: null };
      for (const key of [current, previous]) {
        await expect(verifyGatewayContext(await signGatewayContext(appel, { key, audience: 'caf' }), { keys, audience: 'caf' })).resolves.toEqual(appel);
      }
      await expect(verifyGatewayContext(await signGatewayContext(appel, { key: devKey, audience: 'caf' }), { keys, audience: 'caf' })).rejects.toMatchObject({ reason: 'ERR_JWKS_NO_MATCHING_KEY' });
    } finally {
      await rotated.stop();
    }
  });
});
