import { expect } from '@jest/globals';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { z } from 'zod';
import { createLegacyClient, type LegacyClient } from '../src/legacy/createLegacyClient';

const base = 'https://legacy.kit.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// A fresh client per test: its circuit breaker remembers the failures earlier tests provoke on purpose.
let client: LegacyClient;
beforeEach(() => {
  client = createLegacyClient({ partenaire: 'caf', baseUrl: base, apiKey: 'key-123456', apiKeyHeader: 'X-Cle', timeoutMs: 200, retryDelayMs: 1 });
});
const schema = z.object({ value: z.number() });

describe('createLegacyClient', () => {
  it('sends the API key and validates the answer', async () => {
    server.use(http.post(`${base}/echo`, ({ request }) => HttpResponse.json({ value: request.headers.get('X-Cle') === 'key-123456' ? 1 : 0 })));
    await expect(client.post('/echo', {}, schema)).resolves.toEqual({ value: 1 });
  });

  it.each([
    [503, { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'caf', retryable: true }],
    [500, { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'caf', retryable: true }],
    [429, { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'caf', retryable: true }],
    [401, { code: 'PARTENAIRE_ACCES_REFUSE', partenaire: 'caf', retryable: false }],
    [400, { code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'caf', retryable: false }],
  ])('maps HTTP %i to a coded error without the URL or payload', async (status, extensions) => {
    server.use(http.get(`${base}/x`, () => HttpResponse.json({ secret: 'payload-detail' }, { status })));
    const error = await client.get('/x', schema, { kind: 'personal' }).catch((e: unknown) => e);
    expect((error as { extensions: unknown }).extensions).toEqual(extensions);
    expect((error as Error).message).not.toMatch(/legacy\.kit\.test|payload-detail/);
  });

  it('sends a command with its idempotency key and hands back an accepted answer and its headers', async () => {
    server.use(http.post(`${base}/commandes`, ({ request }) => HttpResponse.json({ cle: request.headers.get('Idempotency-Key') }, { status: 201, headers: { 'X-Rejeu': 'O' } })));
    await expect(client.command('/commandes', {}, { idempotencyKey: 'cle-000001', refusals: [409] })).resolves.toEqual({
      status: 201,
      body: { cle: 'cle-000001' },
      headers: expect.objectContaining({ 'x-rejeu': 'O' }),
    });
  });

  it('hands back the refusals the caller interprets, and maps any other status like every call', async () => {
    server.use(http.post(`${base}/commandes`, () => HttpResponse.json({ code_erreur: 'DEJA_FAIT' }, { status: 409 })));
    await expect(client.command('/commandes', {}, { idempotencyKey: null, refusals: [409] })).resolves.toMatchObject({ status: 409, body: { code_erreur: 'DEJA_FAIT' } });
    const error = await client.command('/commandes', {}, { idempotencyKey: null, refusals: [404] }).catch((e: unknown) => e);
    expect((error as { extensions: unknown }).extensions).toEqual({ code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'caf', retryable: false });
  });

  it('maps a timeout to PARTENAIRE_DELAI_DEPASSE', async () => {
    server.use(
      http.get(`${base}/slow`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const error = await client.get('/slow', schema, { kind: 'personal' }).catch((e: unknown) => e);
    expect((error as { extensions: unknown }).extensions).toEqual({ code: 'PARTENAIRE_DELAI_DEPASSE', partenaire: 'caf', retryable: true });
  });

  it('maps a network failure to PARTENAIRE_INDISPONIBLE', async () => {
    server.use(http.get(`${base}/net`, () => HttpResponse.error()));
    const error = await client.get('/net', schema, { kind: 'personal' }).catch((e: unknown) => e);
    expect((error as { extensions: unknown }).extensions).toEqual({ code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'caf', retryable: true });
  });

  it('reports where an invalid payload deviates, naming fields not values', async () => {
    server.use(http.get(`${base}/bad`, () => HttpResponse.json({ value: 'NIR 286041220200135' })));
    const error = (await client.get('/bad', schema, { kind: 'personal' }).catch((e: unknown) => e)) as Error & { extensions: unknown };
    expect(error.extensions).toEqual({ code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'caf', retryable: false });
    expect(error.message).toBe('The caf system answered with an unexpected payload (at value).');
  });

  it('treats 404 as unknown with getOrNull', async () => {
    server.use(http.get(`${base}/person`, () => HttpResponse.json({ code_erreur: 'INCONNU' }, { status: 404 })));
    await expect(client.getOrNull('/person', schema, { kind: 'personal' })).resolves.toBeNull();
  });
});
