import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { subgraphProbeRoutes } from '../src/server/subgraphProbeRoutes';

let stopping = false;
const routes = subgraphProbeRoutes('caf', () => stopping);
const server = http.createServer((req, res) => void routes[req.url === '/ready' ? 'GET /ready' : 'GET /health'](req, res));
let base: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const get = async (path: string) => {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, body: await response.json() };
};

test('ready and alive while serving', async () => {
  expect(await get('/ready')).toEqual({ status: 200, body: { status: 'ready', subgraph: 'caf' } });
  expect(await get('/health')).toEqual({ status: 200, body: { status: 'ok', subgraph: 'caf' } });
});

test('not ready once shutting down, still alive', async () => {
  stopping = true;
  expect(await get('/ready')).toEqual({ status: 503, body: { status: 'unavailable', subgraph: 'caf', failing: ['notStopping'] } });
  expect(await get('/health')).toEqual({ status: 200, body: { status: 'ok', subgraph: 'caf' } });
});
