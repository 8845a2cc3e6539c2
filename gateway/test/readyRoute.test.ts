import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { healthRoute } from '../src/healthRoute';
import { readyRoute, type ReadinessChecks } from '../src/readyRoute';

// The probes' answers, state by state; gateway/test/readiness.test.ts checks them on a running gateway.
const state = { supergraph: true, identityProviderKeys: true, auditSink: true, notStopping: true, auditSinkThrows: false };
const checks: ReadinessChecks = {
  supergraph: () => state.supergraph,
  identityProviderKeys: () => state.identityProviderKeys,
  auditSink: () => (state.auditSinkThrows ? Promise.reject(new Error('/srv/audit/journal.jsonl: EACCES')) : Promise.resolve(state.auditSink)),
  notStopping: () => state.notStopping,
};
const health = healthRoute();
const ready = readyRoute(checks);
const server = http.createServer((req, res) => void (req.url === '/ready' ? ready : health)(req, res));
let base: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => Object.assign(state, { supergraph: true, identityProviderKeys: true, auditSink: true, notStopping: true, auditSinkThrows: false }));

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function get(path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, body: await response.json() };
}

test('/ready is 200 when every check holds', async () => {
  expect(await get('/ready')).toEqual({ status: 200, body: { status: 'ready' } });
});

test.each([
  ['the supergraph is not loaded', { supergraph: false }, ['supergraph']],
  ['the identity provider keys were never fetched', { identityProviderKeys: false }, ['identityProviderKeys']],
  ['the audit sink is not writable', { auditSink: false }, ['auditSink']],
  ['the gateway is shutting down', { notStopping: false }, ['notStopping']],
  ['several checks fail', { identityProviderKeys: false, auditSink: false, notStopping: false }, ['identityProviderKeys', 'auditSink', 'notStopping']],
])('/ready is 503 naming the failing checks when %s', async (_case, failing: Partial<typeof state>, names: string[]) => {
  Object.assign(state, failing);
  expect(await get('/ready')).toEqual({ status: 503, body: { status: 'unavailable', failing: names } });
});

test("/ready counts a check that throws as failing, and never shows the error's message (it may name a path)", async () => {
  state.auditSinkThrows = true;
  const answer = await get('/ready');
  expect(answer).toEqual({ status: 503, body: { status: 'unavailable', failing: ['auditSink'] } });
  expect(JSON.stringify(answer.body)).not.toContain('journal');
});

test('/health is 200 whatever readiness says: a restart would not bring a dependency back', async () => {
  Object.assign(state, { supergraph: false, identityProviderKeys: false, auditSink: false, notStopping: false });
  expect(await get('/health')).toEqual({ status: 200, body: { status: 'ok' } });
  expect((await get('/ready')).status).toBe(503);
});
