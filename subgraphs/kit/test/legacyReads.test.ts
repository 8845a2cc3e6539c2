import { expect } from '@jest/globals';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { z } from 'zod';
import { createLegacyClient, type LegacyClientConfig } from '../src/legacy/createLegacyClient';
import { createLegacyReads } from '../src/legacy/createLegacyReads';
import { clearLegacyReadCaches } from '../src/legacy/clearLegacyReadCaches';
import { defaultLegacyCacheTtlMs, legacyCacheTtlMs, legacyReadKinds } from '../src/legacy/legacyReadKind';
import { bindLegacyReadCaller, runWithLegacyReadScope } from '../src/legacy/legacyReadScope';
import { runWithDeadline } from '../src/legacy/requestDeadline';
import type { AppelPasserelle } from '../src/security/appelPasserelle';
import type { Role } from '../src/security/caller';
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
    const calls = [
      client.get('/lecture', schema, { kind: 'personal', params: { id: 'a' } }),
      client.get('/lecture', schema, { kind: 'personal', params: { id: 'a' } }),
      client.get('/lecture', schema, { kind: 'personal', params: { id: 'b' } }),
    ];
    await new Promise((resolve) => setImmediate(resolve));
    lecture.release();
    expect(await Promise.all(calls)).toEqual([{ value: 1 }, { value: 1 }, { value: 2 }]);
    expect(lecture.count).toBe(2);
  });

  it('two concurrent batch reads with the same body make one call; different bodies make two', async () => {
    const lot = endpoint('post', '/lot', { held: true });
    const client = clientOf({ cacheTtlMs: 0 });
    const read = (ids: string[]) => client.post('/lot', { ids }, schema, { idempotentRead: true, kind: 'personal' });
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
    const first = await client.get('/lecture', schema, { kind: 'personal', params: { id: 'a' } });
    const second = await client.get('/lecture', schema, { kind: 'personal', params: { id: 'a' } });
    expect(second).toEqual({ value: 1 });
    expect(second).not.toBe(first);
    expect(await client.getOrNull('/lecture', schema, { kind: 'personal', params: { id: 'a' } })).toEqual({ value: 2 });
    expect(await client.getOrNull('/lecture', schema, { kind: 'personal', params: { id: 'a' } })).toEqual({ value: 2 });
    expect(lecture.count).toBe(2);
  });

  it('caches a 404 as null for getOrNull', async () => {
    const absent = endpoint('get', '/absent', { status: () => 404 });
    const client = clientOf();
    expect(await client.getOrNull('/absent', schema, { kind: 'personal' })).toBeNull();
    expect(await client.getOrNull('/absent', schema, { kind: 'personal' })).toBeNull();
    expect(absent.count).toBe(1);
  });

  it('calls the system again once the TTL has passed', async () => {
    let now = 1_000;
    const reads = createLegacyReads({ maxEntries: 10, now: () => now });
    let calls = 0;
    const run = () => Promise.resolve((calls += 1));
    expect(await reads.read('k', run, 100)).toBe(1);
    now += 99;
    expect(await reads.read('k', run, 100)).toBe(1);
    now += 1;
    expect(await reads.read('k', run, 100)).toBe(2);
    expect(calls).toBe(2);
  });

  it('keeps at most maxEntries answers, dropping the least recently used', async () => {
    const reads = createLegacyReads({ maxEntries: 2 });
    let calls = 0;
    const run = () => Promise.resolve((calls += 1));
    await reads.read('a', run, 60_000);
    await reads.read('b', run, 60_000);
    await reads.read('a', run, 60_000);
    await reads.read('c', run, 60_000);
    expect(reads.size).toBe(2);
    expect(await reads.read('a', run, 60_000)).toBe(1);
    expect(await reads.read('b', run, 60_000)).toBe(4);
    expect(calls).toBe(4);
  });

  it('is off with a TTL of 0', async () => {
    const lecture = endpoint('get', '/lecture');
    const client = clientOf({ cacheTtlMs: 0 });
    await client.get('/lecture', schema, { kind: 'personal' });
    await client.get('/lecture', schema, { kind: 'personal' });
    expect([lecture.count, client.cachedAnswers]).toEqual([2, 0]);
  });

  it('is on by default with each kind’s TTL, overridden per system by its TTL, and off for every system when LEGACY_CACHE is false', () => {
    const spec = legacyEnv('CAF', 'http://127.0.0.1:4010/caf', 'sim-caf-key');
    expect(legacyClientOptionsOf(readConfig(spec, { LEGACY_CACHE: 'false', CAF_LEGACY_CACHE_TTL_MS: '250' })).cacheTtlMs).toBe(0);
    expect(legacyClientOptionsOf(readConfig(spec, { LEGACY_CACHE: 'false' })).cacheTtlMs).toBe(0);
    expect(legacyClientOptionsOf(readConfig(spec, {})).cacheTtlMs).toBe('byKind');
    expect(legacyClientOptionsOf(readConfig(spec, { CAF_LEGACY_CACHE_TTL_MS: '250' })).cacheTtlMs).toBe(250);
    expect(() => readConfig(spec, { CAF_LEGACY_CACHE_TTL_MS: '-1' })).toThrow('CAF_LEGACY_CACHE_TTL_MS: expected an integer between 0 and 3600000');
    expect(() => readConfig(spec, { LEGACY_CACHE: 'peut-être' })).toThrow('LEGACY_CACHE: expected true or false');
  });

  it('gives each kind its TTL: personal seconds, reference minutes, caller-dependent never, whatever the override', () => {
    expect(defaultLegacyCacheTtlMs).toEqual({ personal: 30_000, reference: 300_000, callerDependent: 0, live: 0 });
    expect(legacyReadKinds.map((kind) => legacyCacheTtlMs(kind, 'byKind'))).toEqual([30_000, 300_000, 0, 0]);
    expect(legacyReadKinds.map((kind) => legacyCacheTtlMs(kind, 250))).toEqual([250, 250, 0, 0]);
    expect(legacyReadKinds.map((kind) => legacyCacheTtlMs(kind, 0))).toEqual([0, 0, 0, 0]);
  });

  it('serves personal and reference reads again by default, never a caller-dependent or live one', async () => {
    const lecture = endpoint('get', '/lecture');
    const client = clientOf({ cacheTtlMs: 'byKind' });
    for (const kind of legacyReadKinds) {
      await client.get('/lecture', schema, { kind, params: { kind } });
      await client.get('/lecture', schema, { kind, params: { kind } });
    }
    expect([lecture.count, client.cachedAnswers]).toEqual([6, 2]);
  });

  it('shares live reads in flight across callers, without keeping them', async () => {
    const lecture = endpoint('post', '/passages', { held: true });
    const client = clientOf();
    const read = () => client.post('/passages', { liste_nir: ['a'] }, schema, { idempotentRead: true, kind: 'live' });
    const calls = [read(), read()];
    await new Promise((resolve) => setImmediate(resolve));
    lecture.release();
    expect(await Promise.all(calls)).toEqual([{ value: 1 }, { value: 1 }]);
    expect(await read()).toEqual({ value: 2 });
    expect(client.cachedAnswers).toBe(0);
  });

  it('never keeps an error nor a malformed answer', async () => {
    let status = 503;
    const panne = endpoint('get', '/panne', { status: () => status });
    const client = clientOf();
    await expect(client.get('/panne', schema, { kind: 'personal' })).rejects.toMatchObject({ extensions: { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'caf', retryable: true } });
    status = 200;
    expect(await client.get('/panne', schema, { kind: 'personal' })).toEqual({ value: 2 });
    expect(panne.count).toBe(2);

    let malformed = true;
    server.use(http.get(`${base}/forme`, () => HttpResponse.json(malformed ? { value: 'x' } : { value: 7 })));
    await expect(client.get('/forme', schema, { kind: 'personal' })).rejects.toMatchObject({ extensions: { code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'caf', retryable: false } });
    malformed = false;
    expect(await client.get('/forme', schema, { kind: 'personal' })).toEqual({ value: 7 });
  });

  it('is cleared by a command, and a read in flight during it is not kept', async () => {
    endpoint('get', '/lecture');
    server.use(http.post(`${base}/commande`, () => HttpResponse.json({}, { status: 201 })));
    const client = clientOf();
    await client.get('/lecture', schema, { kind: 'personal' });
    await client.command('/commande', {}, { idempotencyKey: 'k-1', refusals: [] });
    expect(client.cachedAnswers).toBe(0);
    expect(await client.get('/lecture', schema, { kind: 'personal' })).toEqual({ value: 2 });

    const held = endpoint('get', '/pendant', { held: true });
    const during = client.get('/pendant', schema, { kind: 'personal' });
    await new Promise((resolve) => setImmediate(resolve));
    await client.command('/commande', {}, { idempotencyKey: 'k-2', refusals: [] });
    held.release();
    await during;
    expect(await client.get('/pendant', schema, { kind: 'personal' })).toEqual({ value: 2 });
  });

  it('is cleared, with the reads in flight, by clearLegacyReadCaches (the test federation, when the simulator changes)', async () => {
    const lecture = endpoint('get', '/lecture');
    const clients = [clientOf(), clientOf()];
    for (const client of clients) await client.get('/lecture', schema, { kind: 'reference' });
    expect(clients.map((c) => c.cachedAnswers)).toEqual([1, 1]);
    clearLegacyReadCaches();
    expect(clients.map((c) => c.cachedAnswers)).toEqual([0, 0]);
    expect(await clients[0]!.get('/lecture', schema, { kind: 'reference' })).toEqual({ value: 3 });
    expect(lecture.count).toBe(3);
  });

  it('is cleared by an unmarked POST (a write) too', async () => {
    endpoint('get', '/lecture');
    endpoint('post', '/ecriture');
    const client = clientOf();
    await client.get('/lecture', schema, { kind: 'personal' });
    await client.post('/ecriture', { x: 1 }, schema);
    expect(client.cachedAnswers).toBe(0);
    expect(await client.get('/lecture', schema, { kind: 'personal' })).toEqual({ value: 2 });
  });

  it('is skipped by a request marked x-passerelle-sans-cache, whose fresh answer then serves the others', async () => {
    const lecture = endpoint('get', '/lecture');
    const client = clientOf();
    await client.get('/lecture', schema, { kind: 'personal' });
    expect(await runWithLegacyReadScope({ bypass: true, readOnly: false }, () => client.get('/lecture', schema, { kind: 'personal' }))).toEqual({ value: 2 });
    expect(await client.get('/lecture', schema, { kind: 'personal' })).toEqual({ value: 2 });
    expect(lecture.count).toBe(2);
  });
});

describe('caller-dependent reads', () => {
  const appel = (subject: string, roles: Role[] = ['referent']): AppelPasserelle => ({
    requestId: `req-${subject}`,
    caller: { subject, kind: 'agent', roles, organisation: 'CD12', partenaire: null, referentId: subject, usagerId: null },
    finalite: 'accompagnement',
  });
  /** Runs `read` as one request of `caller`, the way createSubgraphServer binds the verified context. */
  const asCaller = <T>(caller: AppelPasserelle, read: () => Promise<T>) =>
    runWithLegacyReadScope({ bypass: false, readOnly: false }, () => {
      bindLegacyReadCaller(caller);
      return read();
    });

  it('are shared in flight by the same caller only, and never kept', async () => {
    const lecture = endpoint('get', '/faits', { held: true });
    const client = clientOf();
    const read = () => client.get('/faits', schema, { kind: 'callerDependent', params: { id: 'u1' } });
    const calls = [asCaller(appel('ref-001'), read), asCaller(appel('ref-001'), read), asCaller(appel('ref-007'), read), asCaller(appel('ref-001', ['referent', 'accueil']), read)];
    await new Promise((resolve) => setImmediate(resolve));
    lecture.release();
    expect(await Promise.all(calls)).toEqual([{ value: 1 }, { value: 1 }, { value: 2 }, { value: 3 }]);
    expect(lecture.count).toBe(3);
    expect(await asCaller(appel('ref-001'), read)).toEqual({ value: 4 });
    expect(client.cachedAnswers).toBe(0);
  });

  it('while the personal reads of two callers share one call and one cached answer', async () => {
    const lecture = endpoint('get', '/dossier', { held: true });
    const client = clientOf();
    const read = () => client.get('/dossier', schema, { kind: 'personal', params: { id: 'u1' } });
    const calls = [asCaller(appel('ref-001'), read), asCaller(appel('ref-007'), read)];
    await new Promise((resolve) => setImmediate(resolve));
    lecture.release();
    expect(await Promise.all(calls)).toEqual([{ value: 1 }, { value: 1 }]);
    expect(await asCaller(appel('ref-009'), read)).toEqual({ value: 1 });
    expect([lecture.count, client.cachedAnswers]).toEqual([1, 1]);
  });
});

describe('one request’s reads', () => {
  const appel = (requestId: string, subject = 'ref-001'): AppelPasserelle => ({
    requestId,
    caller: { subject, kind: 'agent', roles: ['referent'], organisation: 'CD12', partenaire: null, referentId: subject, usagerId: null },
    finalite: 'accompagnement',
  });
  /** One fetch of a gateway request, the way createSubgraphServer runs it: its headers' scope, then the verified context. */
  const fetchOf = <T>(caller: AppelPasserelle, read: () => Promise<T>, scope: { bypass?: boolean; readOnly?: boolean } = {}) =>
    runWithLegacyReadScope({ bypass: scope.bypass ?? false, readOnly: scope.readOnly ?? true }, () => {
      bindLegacyReadCaller(caller);
      return read();
    });

  it('serve the same gateway request’s later fetches, whatever the kind and even when it bypasses the caches', async () => {
    const faits = endpoint('get', '/faits');
    const client = clientOf();
    const read = () => client.get('/faits', schema, { kind: 'callerDependent', params: { id: 'u1' } });
    expect(await fetchOf(appel('req-1'), read, { bypass: true })).toEqual({ value: 1 });
    expect(await fetchOf(appel('req-1'), read, { bypass: true })).toEqual({ value: 1 });
    expect(faits.count).toBe(1);
    // Nothing of it is kept beyond the request: a caller-dependent read is never cached.
    expect(client.cachedAnswers).toBe(0);
  });

  it('never serve another request, another caller with the same request id, nor a fetch the gateway did not mark as a query’s', async () => {
    const faits = endpoint('get', '/faits');
    const client = clientOf();
    const read = () => client.get('/faits', schema, { kind: 'callerDependent', params: { id: 'u1' } });
    await fetchOf(appel('req-1'), read);
    expect(await fetchOf(appel('req-2'), read)).toEqual({ value: 2 });
    expect(await fetchOf(appel('req-1', 'ref-007'), read)).toEqual({ value: 3 });
    expect(await fetchOf(appel('req-1'), read, { readOnly: false })).toEqual({ value: 4 });
    expect(faits.count).toBe(4);
  });

  it('are dropped by a write to the system, and a read in flight during the write does not serve the request afterwards', async () => {
    const faits = endpoint('get', '/faits');
    server.use(http.post(`${base}/commande`, () => HttpResponse.json({}, { status: 201 })));
    const client = clientOf();
    const read = () => client.get('/faits', schema, { kind: 'live', params: { id: 'u1' } });
    await fetchOf(appel('req-1'), read);
    await client.command('/commande', {}, { idempotencyKey: 'k-1', refusals: [] });
    expect(await fetchOf(appel('req-1'), read)).toEqual({ value: 2 });

    const held = endpoint('get', '/pendant', { held: true });
    const readHeld = () => client.get('/pendant', schema, { kind: 'live', params: { id: 'u1' } });
    const during = fetchOf(appel('req-1'), readHeld);
    await new Promise((resolve) => setImmediate(resolve));
    await client.command('/commande', {}, { idempotencyKey: 'k-2', refusals: [] });
    held.release();
    expect(await during).toEqual({ value: 1 });
    expect(await fetchOf(appel('req-1'), readHeld)).toEqual({ value: 2 });
    expect([faits.count, held.count]).toEqual([2, 2]);
  });

  it('last until the fetch’s deadline, at most requestRetentionMs, and are bounded like the cache', async () => {
    let clock = 1_000;
    const reads = createLegacyReads({ maxEntries: 2, now: () => clock, requestRetentionMs: 500 });
    let calls = 0;
    const read = (key: string) => fetchOf(appel('req-1'), () => reads.read(key, () => Promise.resolve((calls += 1)), 0));
    await read('a');
    clock += 499;
    await read('a');
    expect(calls).toBe(1);
    clock += 1;
    await read('a');
    expect(calls).toBe(2);
    await read('b');
    await read('c');
    // 'a' was the least recent of three: dropped.
    await read('a');
    expect(calls).toBe(5);

    // A fetch with a deadline: what it read serves the request's later fetches until that deadline only.
    const withDeadline = (deadline: number) => runWithDeadline(deadline, () => read('d'));
    await withDeadline(clock + 100);
    clock += 99;
    await withDeadline(clock + 5_000);
    expect(calls).toBe(6);
    clock += 1;
    await withDeadline(clock + 5_000);
    expect(calls).toBe(7);
  });
});
