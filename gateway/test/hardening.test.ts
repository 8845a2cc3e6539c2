import { expect } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunningHttpServer } from '@passerelle/subgraph-kit/http';
import type { RunningGateway } from '../src/server';
import { leakyFailure, postJson, startDossiersSubgraph, startHardenedGateway } from './support/hardenedGateway';

let dir: string;
let subgraph: RunningHttpServer;
let dev: RunningGateway;
/** Production on its defaults: only persisted operations, ad-hoc ones for an active `analyste`. */
let production: RunningGateway;
/** Production with TRUSTED_DOCUMENTS=off: what an ad-hoc document meets once trusted documents let it through. */
let productionAdHoc: RunningGateway;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'passerelle-hardening-'));
  subgraph = await startDossiersSubgraph();
  dev = await startHardenedGateway(path.join(dir, 'dev'), subgraph, { PASSERELLE_MODE: 'dev' });
  production = await startHardenedGateway(path.join(dir, 'production'), subgraph, { PASSERELLE_MODE: 'production' });
  productionAdHoc = await startHardenedGateway(path.join(dir, 'production-ad-hoc'), subgraph, { PASSERELLE_MODE: 'production', TRUSTED_DOCUMENTS: 'off' });
});

afterAll(async () => {
  await Promise.all([dev?.stop(), production?.stop(), productionAdHoc?.stop()]);
  await subgraph?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const tooLarge = { errors: [{ message: 'The request body is too large.', extensions: { code: 'REQUETE_TROP_VOLUMINEUSE', retryable: false } }] };

describe('HTTP', () => {
  test('a batch (a JSON array of operations) is refused: one operation per request', async () => {
    const { status, body } = await postJson(dev.url, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(status).toBe(400);
    expect(body).toEqual({ errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  test('a body over GRAPHQL_MAX_BODY_BYTES (100 kB) is answered 413 REQUETE_TROP_VOLUMINEUSE; one just under it runs', async () => {
    const query = '{ __typename }';
    const over = await postJson(dev.url, { query, variables: { filler: 'x'.repeat(100_000) } });
    expect(over.status).toBe(413);
    expect(over.body).toEqual(tooLarge);

    const under = await postJson(dev.url, { query, variables: { filler: 'x'.repeat(99_000) } });
    expect(under.status).toBe(200);
    expect(under.body).toEqual({ data: { __typename: 'Query' } });
  });

  test('a body streamed without Content-Length is cut at the limit and answered 413 as well', async () => {
    const url = new URL(`${dev.url}/graphql`);
    const answer = await new Promise<{ status: number | undefined; text: string }>((resolve, reject) => {
      const request = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => resolve({ status: response.statusCode, text }));
      });
      request.on('error', reject);
      request.write(`{"query":"{ __typename }","variables":{"filler":"`);
      for (let i = 0; i < 4; i++) request.write('x'.repeat(50_000));
      request.end('"}}');
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toEqual(tooLarge);
  });
});

describe('CSRF prevention', () => {
  const csrfRefusal = { errors: [{ message: expect.stringMatching(/^This operation has been blocked as a potential Cross-Site Request Forgery \(CSRF\)\./), extensions: { code: 'BAD_REQUEST' } }] };
  const get = (headers: Record<string, string>) => fetch(`${dev.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers });

  test('a simple GET (no preflight header) is refused, with apollo-require-preflight it runs', async () => {
    const simple = await get({});
    expect(simple.status).toBe(400);
    expect(await simple.json()).toEqual(csrfRefusal);
    const preflighted = await get({ 'apollo-require-preflight': 'true' });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toEqual({ data: { __typename: 'Query' } });
  });

  test.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['application/x-www-form-urlencoded', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['no content-type at all', {}],
  ])('a simple POST (%s) is refused', async (_name, headers: Record<string, string>) => {
    // A Uint8Array body: fetch adds no content-type of its own.
    const response = await fetch(`${dev.url}/graphql`, { method: 'POST', headers, body: new TextEncoder().encode(JSON.stringify({ query: '{ __typename }' })) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(csrfRefusal);
  });
});

describe('introspection', () => {
  const introspection = { query: '{ __schema { queryType { name } } }' };

  test('is allowed in dev mode', async () => {
    const { status, body } = await postJson(dev.url, introspection);
    expect(status).toBe(200);
    expect(body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  test('is refused in production, by validation when the document gets that far', async () => {
    const { status, body } = await postJson(productionAdHoc.url, introspection);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(body.errors?.[0]?.message).toMatch(/introspection/i);
  });

  test('is refused in production on the defaults already as an ad-hoc document', async () => {
    const { status, body } = await postJson(production.url, introspection);
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['OPERATION_NON_PERSISTEE']);
  });
});

describe('field suggestions', () => {
  const misspelt = { query: '{ usager(id: "u-1") { nomm } }' };

  test('are given in dev mode', async () => {
    const { body } = await postJson(dev.url, misspelt);
    expect(body.errors?.map((error) => error.message)).toEqual(['Cannot query field "nomm" on type "Usager". Did you mean "nom"?']);
  });

  test('are not given in production: neither for a field nor for an enum value in variables', async () => {
    const field = await postJson(productionAdHoc.url, misspelt);
    expect(field.body.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([['Cannot query field "nomm" on type "Usager".', 'GRAPHQL_VALIDATION_FAILED']]);

    const enumValue = await postJson(productionAdHoc.url, { query: 'query($s: Statut!) { usagersParStatut(statut: $s) { id } }', variables: { s: 'OUVER' } });
    expect(enumValue.body.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
      ['Variable "$s" got invalid value "OUVER"; Value "OUVER" does not exist in "Statut" enum.', 'BAD_USER_INPUT'],
    ]);
    expect(enumValue.text).not.toContain('OUVERT');
  });
});

describe('an operation type the graph does not have', () => {
  test('is a validation error (400), not an internal one', async () => {
    const { status, body } = await postJson(dev.url, { query: 'subscription { usager(id: "u-1") { id } }' });
    expect(status).toBe(400);
    expect(body.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([['Schema is not configured to execute subscription operation.', 'GRAPHQL_VALIDATION_FAILED']]);
  });
});

describe('error masking', () => {
  test('an unexpected subgraph error reaches a production client as ERREUR_INTERNE: no message, stack, URL nor payload', async () => {
    const { status, body, text } = await postJson(productionAdHoc.url, { query: '{ panne usager(id: "u-1") { nom } }' });
    expect(status).toBe(200);
    expect(body.data).toEqual({ panne: null, usager: { nom: 'Nom de u-1' } });
    expect(body.errors).toEqual([{ message: 'Internal error.', path: ['panne'], extensions: { code: 'ERREUR_INTERNE', retryable: false } }]);
    for (const leak of ['ECONNREFUSED', 'http://', 'legacy', '185057800608436', 'SELECT', 'stacktrace', 'dossiers']) expect(text).not.toContain(leak);
  });

  test('the same in dev mode: masking does not depend on the mode', async () => {
    const { body, text } = await postJson(dev.url, { query: '{ panne }' });
    expect(body.errors).toEqual([{ message: 'Internal error.', path: ['panne'], extensions: { code: 'ERREUR_INTERNE', retryable: false } }]);
    expect(text).not.toContain(leakyFailure.slice(0, 20));
  });
});
