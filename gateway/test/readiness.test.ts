import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { loadGatewayConfig } from '../src/config';
import { createServer, type RunningGateway } from '../src/server';
import { createTestKey } from './support/authTesting';
import { eventually, recordingLogger } from './support/postGraphQL';
import { withTestJournal } from './support/tempJournalPath';

// The probes of a running gateway (on the committed supergraph): /ready follows the identity
// provider's keys and the audit journal's lock; /health stays 200 throughout.
let jwksBody: string | null = null;
const identityProvider = http.createServer((_req, res) => {
  if (jwksBody === null) res.writeHead(503).end();
  else res.writeHead(200, { 'content-type': 'application/json' }).end(jwksBody);
});
let gateway: RunningGateway;
let journalPath: string;

async function probe(path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${gateway.url}${path}`);
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  await new Promise<void>((resolve) => identityProvider.listen(0, '127.0.0.1', resolve));
  const env = withTestJournal({ GATEWAY_PORT: '0', OIDC_JWKS_URL: `http://127.0.0.1:${(identityProvider.address() as AddressInfo).port}/jwks.json` });
  journalPath = env.AUDIT_JOURNAL_PATH!;
  gateway = await createServer(loadGatewayConfig(env), recordingLogger().logger);
});

afterAll(async () => {
  await gateway?.stop();
  identityProvider.closeAllConnections();
  await new Promise((resolve) => identityProvider.close(resolve));
});

test('not ready until the identity provider keys were fetched once, then ready; alive throughout', async () => {
  expect(await probe('/ready')).toEqual({ status: 503, body: { status: 'unavailable', failing: ['identityProviderKeys'] } });
  expect(await probe('/health')).toEqual({ status: 200, body: { status: 'ok' } });
  jwksBody = JSON.stringify({ keys: [(await createTestKey('ES256', 'k1')).publicJwk] });
  // Each /ready that finds no keys starts a fetch: the next one sees its result.
  await eventually(async () => (await probe('/ready')).status === 200);
  expect(await probe('/ready')).toEqual({ status: 200, body: { status: 'ready' } });
});

test('stays ready when the identity provider goes down after the keys were fetched', async () => {
  jwksBody = null;
  expect(await probe('/ready')).toEqual({ status: 200, body: { status: 'ready' } });
});

test('not ready while the audit journal has lost its lock, without naming the journal; ready again once it holds it', async () => {
  const lock = await readFile(`${journalPath}.lock`, 'utf8');
  await unlink(`${journalPath}.lock`);
  const answer = await probe('/ready');
  expect(answer).toEqual({ status: 503, body: { status: 'unavailable', failing: ['auditSink'] } });
  expect(await probe('/health')).toEqual({ status: 200, body: { status: 'ok' } });
  await writeFile(`${journalPath}.lock`, lock);
  expect(await probe('/ready')).toEqual({ status: 200, body: { status: 'ready' } });
});
