import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { healthRoute } from '../src/healthRoute';

let ready = false;
const server = http.createServer((req, res) => void healthRoute(() => ready)(req, res));
let url: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test('/health is 503 until the gateway is loaded, then 200', async () => {
  const before = await fetch(url);
  expect(before.status).toBe(503);
  expect(await before.json()).toEqual({ status: 'unavailable' });
  ready = true;
  const after = await fetch(url);
  expect(after.status).toBe(200);
  expect(await after.json()).toEqual({ status: 'ok' });
});
