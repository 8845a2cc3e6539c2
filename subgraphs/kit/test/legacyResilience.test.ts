import { expect, jest } from '@jest/globals';
import http$ from 'node:http';
import type { AddressInfo } from 'node:net';
import { http, HttpResponse, delay, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { z } from 'zod';
import { createLegacyClient, type LegacyClientConfig } from '../src/legacy/createLegacyClient';
import { runWithDeadline } from '../src/legacy/requestDeadline';

const base = 'https://resilience.kit.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  jest.useRealTimers();
});
afterAll(() => server.close());

const schema = z.object({ value: z.number() });
const clientOf = (overrides: Partial<LegacyClientConfig> = {}) =>
  createLegacyClient({ partenaire: 'caf', baseUrl: base, apiKey: 'key-123456', timeoutMs: 200, retryDelayMs: 1, retries: 3, breakerFailures: 5, breakerOpenMs: 1_000, ...overrides });

const unavailable = { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'caf', retryable: true };
const tooSlow = { code: 'PARTENAIRE_DELAI_DEPASSE', partenaire: 'caf', retryable: true };
const extensionsOf = async (call: Promise<unknown>) =>
  (
    (await call.then(
      () => ({ extensions: 'resolved' }),
      (e: unknown) => e,
    )) as { extensions: unknown }
  ).extensions;

/** An endpoint answering each call with the next of `statuses` (then the last one forever), counting calls. */
function scripted(method: 'get' | 'post', path: string, statuses: number[]) {
  const calls = { count: 0 };
  server.use(
    http[method](`${base}${path}`, () => {
      const status = statuses[Math.min(calls.count, statuses.length - 1)]!;
      calls.count += 1;
      return status === 200 ? HttpResponse.json({ value: calls.count }) : HttpResponse.json({ code_erreur: 'X' }, { status });
    }),
  );
  return calls;
}

/** Resolves once `condition` holds, checking at every turn of the event loop (at most 1,000). */
async function until(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1_000 && !condition(); turn++) await new Promise((resolve) => setTimeout(resolve, 1));
  expect(condition()).toBe(true);
}

/** Moves Date.now() forward (the breaker's clock) without sleeping; timers stay real. */
function advanceClock(ms: number): void {
  jest.useFakeTimers({
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    now: Date.now() + ms,
  });
}

describe('retries: idempotent reads only, on transient failures, bounded', () => {
  it('retries a GET after a 500 and a 503, and returns the answer', async () => {
    const calls = scripted('get', '/lecture', [500, 503, 200]);
    await expect(clientOf().get('/lecture', schema, { kind: 'personal' })).resolves.toEqual({ value: 3 });
    expect(calls.count).toBe(3);
  });

  it('retries a POST marked as an idempotent read, and getOrNull', async () => {
    const lot = scripted('post', '/lot', [502, 200]);
    const one = scripted('get', '/un', [500, 200]);
    const client = clientOf();
    await expect(client.post('/lot', {}, schema, { idempotentRead: true, kind: 'personal' })).resolves.toEqual({ value: 2 });
    await expect(client.getOrNull('/un', schema, { kind: 'personal' })).resolves.toEqual({ value: 2 });
    expect([lot.count, one.count]).toEqual([2, 2]);
  });

  it('never retries a POST not marked as a read, nor a command', async () => {
    const post = scripted('post', '/ecriture', [500, 200]);
    const command = scripted('post', '/commande', [500, 200]);
    const client = clientOf();
    expect(await extensionsOf(client.post('/ecriture', {}, schema))).toEqual(unavailable);
    expect(await extensionsOf(client.command('/commande', {}, { idempotencyKey: 'cle-000001', refusals: [] }))).toEqual(unavailable);
    expect([post.count, command.count]).toEqual([1, 1]);
  });

  it.each([
    [400, { code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'caf', retryable: false }],
    [401, { code: 'PARTENAIRE_ACCES_REFUSE', partenaire: 'caf', retryable: false }],
    [429, unavailable],
  ])('does not retry HTTP %i', async (status, extensions) => {
    const calls = scripted('get', '/refus', [status, 200]);
    expect(await extensionsOf(clientOf().get('/refus', schema, { kind: 'personal' }))).toEqual(extensions);
    expect(calls.count).toBe(1);
  });

  it('does not retry a malformed payload', async () => {
    let calls = 0;
    server.use(http.get(`${base}/malforme`, () => ((calls += 1), HttpResponse.json('Réponse hors format'))));
    expect(await extensionsOf(clientOf().get('/malforme', schema, { kind: 'personal' }))).toEqual({ code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'caf', retryable: false });
    expect(calls).toBe(1);
  });

  it('gives up after its retries: 1 call and 3 retries, then the partner error', async () => {
    const calls = scripted('get', '/panne', [503]);
    expect(await extensionsOf(clientOf({ breakerFailures: 100 }).get('/panne', schema, { kind: 'personal' }))).toEqual(unavailable);
    expect(calls.count).toBe(4);
  });

  it('retries an attempt that timed out, with a fresh timeout', async () => {
    let calls = 0;
    server.use(
      http.get(`${base}/lent`, async () => {
        calls += 1;
        if (calls === 1) await delay('infinite');
        return HttpResponse.json({ value: calls });
      }),
    );
    await expect(clientOf({ timeoutMs: 100 }).get('/lent', schema, { kind: 'personal' })).resolves.toEqual({ value: 2 });
  });

  it('retries a connection reset (a real socket, destroyed by the server on the first call)', async () => {
    let calls = 0;
    const real = http$.createServer((req, res) => {
      calls += 1;
      if (calls === 1) req.socket.destroy();
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: calls }));
    });
    await new Promise<void>((resolve) => real.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(real.address() as AddressInfo).port}`;
    server.use(http.get(`${url}/*`, () => passthrough()));
    try {
      await expect(clientOf({ baseUrl: url }).get('/coupure', schema, { kind: 'personal' })).resolves.toEqual({ value: 2 });
      expect(calls).toBe(2);
    } finally {
      real.closeAllConnections();
      await new Promise((resolve) => real.close(resolve));
    }
  });
});

describe('circuit breaker: open after consecutive failures, half-open probe, recovery', () => {
  it('opens after 5 consecutive failures: further calls fail at once without reaching the system', async () => {
    const calls = scripted('get', '/panne', [503]);
    const client = clientOf({ retries: 0 });
    for (let i = 0; i < 5; i++) expect(await extensionsOf(client.get('/panne', schema, { kind: 'personal' }))).toEqual(unavailable);
    expect(client.breakerState).toBe('open');
    expect(await extensionsOf(client.get('/panne', schema, { kind: 'personal' }))).toEqual(unavailable);
    expect(await extensionsOf(client.command('/panne', {}, { idempotencyKey: null, refusals: [] }))).toEqual(unavailable);
    expect(calls.count).toBe(5);
  });

  it('counts the attempts of a retried read: two reads of 1 + 3 attempts open it', async () => {
    const calls = scripted('get', '/panne', [500]);
    const client = clientOf();
    await extensionsOf(client.get('/panne', schema, { kind: 'personal' }));
    expect(client.breakerState).toBe('closed');
    await extensionsOf(client.get('/panne', schema, { kind: 'personal' }));
    expect(client.breakerState).toBe('open');
    // The fifth failure opened it: the sixth attempt was never made.
    expect(calls.count).toBe(5);
  });

  it('lets one probe through once the open period is over, and closes on its success', async () => {
    const calls = scripted('get', '/retour', [503, 503, 503, 503, 503, 200]);
    const client = clientOf({ retries: 0 });
    for (let i = 0; i < 5; i++) await extensionsOf(client.get('/retour', schema, { kind: 'personal' }));
    expect(client.breakerState).toBe('open');
    advanceClock(1_001);
    await expect(client.get('/retour', schema, { kind: 'personal' })).resolves.toEqual({ value: 6 });
    expect(client.breakerState).toBe('closed');
    await expect(client.get('/retour', schema, { kind: 'personal' })).resolves.toEqual({ value: 7 });
    expect(calls.count).toBe(7);
  });

  it('opens again when the probe fails, and lets only the probe reach the system while it is in flight', async () => {
    let calls = 0;
    let releaseProbe: () => void = () => {};
    server.use(
      http.get(`${base}/instable`, async () => {
        calls += 1;
        if (calls === 6) await new Promise<void>((resolve) => (releaseProbe = resolve));
        return HttpResponse.json({ code_erreur: 'X' }, { status: 503 });
      }),
    );
    const client = clientOf({ retries: 0 });
    for (let i = 0; i < 5; i++) await extensionsOf(client.get('/instable', schema, { kind: 'personal' }));
    advanceClock(1_001);
    const probe = extensionsOf(client.get('/instable', schema, { kind: 'personal' }));
    // Distinct parameters: identical reads in flight would share the probe's call (createLegacyReads.ts).
    const waiting = [extensionsOf(client.get('/instable', schema, { kind: 'personal', params: { n: 1 } })), extensionsOf(client.get('/instable', schema, { kind: 'personal', params: { n: 2 } }))];
    await new Promise((resolve) => setImmediate(resolve));
    expect(client.breakerState).toBe('half-open');
    releaseProbe();
    expect(await probe).toEqual(unavailable);
    expect(await Promise.all(waiting)).toEqual([unavailable, unavailable]);
    expect(client.breakerState).toBe('open');
    expect(calls).toBe(6);
  });

  it('is not opened by answers about the request (4xx, malformed payloads)', async () => {
    scripted('get', '/absent', [400]);
    const client = clientOf({ retries: 0, breakerFailures: 2 });
    for (let i = 0; i < 4; i++) await extensionsOf(client.get('/absent', schema, { kind: 'personal' }));
    expect(client.breakerState).toBe('closed');
  });
});

describe('bulkhead: bounded calls in flight and waiting', () => {
  it('runs at most maxConcurrency calls at once, queues maxQueue more, and refuses the rest at once', async () => {
    let inFlight = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get(`${base}/file`, async () => {
        inFlight += 1;
        await gate;
        return HttpResponse.json({ value: 1 });
      }),
    );
    const client = clientOf({ maxConcurrency: 2, maxQueue: 1, timeoutMs: 5_000 });
    // Distinct parameters: identical reads in flight would share one call (createLegacyReads.ts).
    const calls = Array.from({ length: 4 }, (_, n) => extensionsOf(client.get('/file', schema, { kind: 'personal', params: { n } })));
    // The fourth is refused before anything else settles.
    expect(await calls[3]).toEqual(unavailable);
    await until(() => inFlight === 2);
    // Another turn of the event loop: the third stays queued while the first two hold their slots.
    await new Promise((resolve) => setImmediate(resolve));
    expect(inFlight).toBe(2);
    release();
    expect(await Promise.all(calls.slice(0, 3))).toEqual(['resolved', 'resolved', 'resolved']);
    expect(inFlight).toBe(3);
  });
});

describe("the request's deadline", () => {
  it('stops a call at the deadline, long before its own timeout', async () => {
    server.use(
      http.get(`${base}/lent`, async () => {
        await delay('infinite');
        return HttpResponse.json({ value: 1 });
      }),
    );
    const client = clientOf({ timeoutMs: 60_000 });
    expect(await extensionsOf(runWithDeadline(Date.now() + 100, () => client.get('/lent', schema, { kind: 'personal' })))).toEqual(tooSlow);
  });

  it('makes no call once the deadline has passed', async () => {
    const calls = scripted('get', '/x', [200]);
    expect(await extensionsOf(runWithDeadline(Date.now() - 1, () => clientOf().get('/x', schema, { kind: 'personal' })))).toEqual(tooSlow);
    expect(calls.count).toBe(0);
  });

  it('makes no retry past the deadline', async () => {
    const calls = scripted('get', '/panne', [500]);
    const client = clientOf({ retryDelayMs: 60_000 });
    expect(await extensionsOf(runWithDeadline(Date.now() + 150, () => client.get('/panne', schema, { kind: 'personal' })))).toEqual(tooSlow);
    expect(calls.count).toBe(1);
  });

  it('does not count a call cut by the deadline against the breaker', async () => {
    server.use(
      http.get(`${base}/lent`, async () => {
        await delay('infinite');
        return HttpResponse.json({ value: 1 });
      }),
    );
    const client = clientOf({ timeoutMs: 60_000, breakerFailures: 1 });
    await extensionsOf(runWithDeadline(Date.now() + 50, () => client.get('/lent', schema, { kind: 'personal' })));
    expect(client.breakerState).toBe('closed');
  });

  it('does not leave a call queued in the bulkhead waiting past the deadline', async () => {
    server.use(
      http.get(`${base}/occupe`, async () => {
        await delay('infinite');
        return HttpResponse.json({ value: 1 });
      }),
    );
    const client = clientOf({ maxConcurrency: 1, maxQueue: 5, timeoutMs: 60_000, retries: 0 });
    const holder = runWithDeadline(Date.now() + 300, () => client.get('/occupe', schema, { kind: 'personal' })).catch(() => undefined);
    // Another parameter, so that it queues behind the holder instead of sharing its call (createLegacyReads.ts).
    expect(await extensionsOf(runWithDeadline(Date.now() + 50, () => client.get('/occupe', schema, { kind: 'personal', params: { n: 2 } })))).toEqual(tooSlow);
    await holder;
  });
});
