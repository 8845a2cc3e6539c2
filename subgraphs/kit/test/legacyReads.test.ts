import { expect } from '@jest/globals';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { z } from 'zod';
import { createLegacyClient, type LegacyClientConfig } from '../src/legacy/createLegacyClient';
import { createLegacyReads } from '../src/legacy/createLegacyReads';
import { runWithCacheBypass } from '../src/legacy/legacyCacheBypass';
import { legacyClientOptionsOf } from '../src/subgraph/legacyClientOptionsOf';
import { legacyEnv } from '../src/config/commonEnv';
import { readConfig } from '../src/config/readConfig';

const base = 'https://lectures.kit.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const schema = z.object({ value: z.number() });
const clientOf = (overrides: Partial<LegacyClientConfig> = {}) =>
  createLegacyClient({ partenaire: 'caf', baseUrl: base, apiKey: 'key-123456', timeoutMs: 1_000, retryDelayMs: 1, retries: 0, cacheTtlMs: 60_000, ...overrides });

/** An endpoint answering `{ value: n }` (n = calls so far), held until `release()` when `held`; or with `status`. */
function endpoint(method: 'get' | 'post', path: string, options: { held?: boolean; status?: () => number } = {}) {
  const state = { count: 0, bodies: [] as unknown[], release: () => {} };
  const gate = options.held === true ? new Promise<void>((resolve) => (state.release = resolve)) : Promise.resolve();
  server.use(
    http[method](`${base}${path}`, async ({ request }) => {
      state.count += 1;
      const count = state.count;
      if (method === 'post') state.bodies.push(await request.json());
      await gate;
      const status = options.status?.() ?? 200;
      return status === 200 ? HttpResponse.json({ value: count }) : HttpResponse.json({ code_erreur: 'X' }, { status });
    }),
  );
  return state;
}

describe('identical reads in flight share one call', () => {
  it('two concurrent identical GETs make one call and both get its answer; different parameters make two', async () => {
    const lecture = endpoint('get', '/lecture', { held: true });
    const client = clientOf({ cacheTtlMs: 0 });
    const calls = [client.get('/lecture', schema, { id: 'a' }), client.get('/lecture', schema, { id: 'a' }), client.get('/lecture', schema, { id: 'b' })];
    await new Promise((resolve) => setImmediate(resolve));
    lecture.release();
    expect(await Promise.all(calls)).toEqual([{ value: 1 }, { value: 1 }, { value: 2 }]);
    expect(lecture.count).toBe(2);
  });

  it('two concurrent batch reads with the same body make one call; different bodies make two', async () => {
    const lot = endpoint('post', '/lot', { held: true });
    const client = clientOf({ cacheTtlMs: 0 });
    const read = (ids: string[]) => client.post('/lot', { ids }, schema, { idempotentRead: true });
    const calls = [read(['a', 'b']), read(['a', 'b']), read(['a', 'c'])];
    await new Promise((resolve) => setImmediate(resolve));
    lot.release();
    await Promise.all(calls);
    expect(lot.count).toBe(2);
    expect(lot.bodies).toEqual([{ ids: ['a', 'b'] }, { ids: ['a', 'c'] }]);
  });

  it('never shares writes: two identical commands, or unmarked POSTs, in flight make two calls each', async () => {
    const commande = endpoint('post', '/commande', { held: true });
    const ecriture = endpoint('post', '/ecriture', { held: true });
    const client = clientOf();
    const options = { idempotencyKey: null, refusals: [] };
    const calls = [
      client.command('/commande', { x: 1 }, options),
      client.command('/commande', { x: 1 }, options),
      client.post('/ecriture', { x: 1 }, schema),
      client.post('/ecriture', { x: 1 }, schema),
    ];
    await new Promise((resolve) => setImmediate(resolve));
    commande.release();
    ecriture.release();
    await Promise.all(calls);
    expect([commande.count, ecriture.count]).toEqual([2, 2]);
  });
});

describe('the read cache', () => {
  it('serves an identical read again within the TTL without calling the system, and each request its own copy', async () => {
    const lecture = endpoint('get', '/lecture');
    const client = clientOf();
    const first = await client.get('/lecture', schema, { id: 'a' });
    const second = await client.get('/lecture', schema, { id: 'a' });
    expect(second).toEqual({ value: 1 });
    expect(second).not.toBe(first);
    expect(await client.getOrNull('/lecture', schema, { id: 'a' })).toEqual({ value: 2 });
    expect(await client.getOrNull('/lecture', schema, { id: 'a' })).toEqual({ value: 2 });
    expect(lecture.count).toBe(2);
  });

  it('caches a 404 as null for getOrNull', async () => {
    const absent = endpoint('get', '/absent', { status: () => 404 });
    const client = clientOf();
    expect(await client.getOrNull('/absent', schema)).toBeNull();
    expect(await client.getOrNull('/absent', schema)).toBeNull();
    expect(absent.count).toBe(1);
  });

  it('calls the system again once the TTL has passed', async () => {
    let now = 1_000;
    const reads = createLegacyReads({ ttlMs: 100, maxEntries: 10, now: () => now });
    let calls = 0;
    const run = () => Promise.resolve((calls += 1));
    expect(await reads.read('k', run)).toBe(1);
    now += 99;
    expect(await reads.read('k', run)).toBe(1);
    now += 1;
    expect(await reads.read('k', run)).toBe(2);
    expect(calls).toBe(2);
  });

  it('keeps at most maxEntries answers, dropping the least recently used', async () => {
    const reads = createLegacyReads({ ttlMs: 60_000, maxEntries: 2 });
    let calls = 0;
    const run = () => Promise.resolve((calls += 1));
    await reads.read('a', run);
    await reads.read('b', run);
    await reads.read('a', run);
    await reads.read('c', run);
    expect(reads.size).toBe(2);
    expect(await reads.read('a', run)).toBe(1);
    expect(await reads.read('b', run)).toBe(4);
    expect(calls).toBe(4);
  });

  it('is off with a TTL of 0', async () => {
    const lecture = endpoint('get', '/lecture');
    const client = clientOf({ cacheTtlMs: 0 });
    await client.get('/lecture', schema);
    await client.get('/lecture', schema);
    expect([lecture.count, client.cachedAnswers]).toEqual([2, 0]);
  });

  it('is off by default, on per system with its TTL, and off for every system when LEGACY_CACHE is false', () => {
    const spec = legacyEnv('CAF', 'http://127.0.0.1:4010/caf', 'sim-caf-key');
    expect(legacyClientOptionsOf(readConfig(spec, { LEGACY_CACHE: 'false', CAF_LEGACY_CACHE_TTL_MS: '250' })).cacheTtlMs).toBe(0);
    expect(legacyClientOptionsOf(readConfig(spec, {})).cacheTtlMs).toBe(0);
    expect(legacyClientOptionsOf(readConfig(spec, { CAF_LEGACY_CACHE_TTL_MS: '250' })).cacheTtlMs).toBe(250);
  });

  it('never keeps an error nor a malformed answer', async () => {
    let status = 503;
    const panne = endpoint('get', '/panne', { status: () => status });
    const client = clientOf();
    await expect(client.get('/panne', schema)).rejects.toMatchObject({ extensions: { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'caf', retryable: true } });
    status = 200;
    expect(await client.get('/panne', schema)).toEqual({ value: 2 });
    expect(panne.count).toBe(2);

    let malformed = true;
    server.use(http.get(`${base}/forme`, () => HttpResponse.json(malformed ? { value: 'x' } : { value: 7 })));
    await expect(client.get('/forme', schema)).rejects.toMatchObject({ extensions: { code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'caf', retryable: false } });
    malformed = false;
    expect(await client.get('/forme', schema)).toEqual({ value: 7 });
  });

  it('is cleared by a command, and a read in flight during it is not kept', async () => {
    endpoint('get', '/lecture');
    server.use(http.post(`${base}/commande`, () => HttpResponse.json({}, { status: 201 })));
    const client = clientOf();
    await client.get('/lecture', schema);
    await client.command('/commande', {}, { idempotencyKey: 'k-1', refusals: [] });
    expect(client.cachedAnswers).toBe(0);
    expect(await client.get('/lecture', schema)).toEqual({ value: 2 });

    const held = endpoint('get', '/pendant', { held: true });
    const during = client.get('/pendant', schema);
    await new Promise((resolve) => setImmediate(resolve));
    await client.command('/commande', {}, { idempotencyKey: 'k-2', refusals: [] });
    held.release();
    await during;
    expect(await client.get('/pendant', schema)).toEqual({ value: 2 });
  });

  it('is skipped by a request marked x-passerelle-sans-cache, whose fresh answer then serves the others', async () => {
    const lecture = endpoint('get', '/lecture');
    const client = clientOf();
    await client.get('/lecture', schema);
    expect(await runWithCacheBypass(true, () => client.get('/lecture', schema))).toEqual({ value: 2 });
    expect(await client.get('/lecture', schema)).toEqual({ value: 2 });
    expect(lecture.count).toBe(2);
  });
});
