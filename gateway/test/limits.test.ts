import { expect } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunningHttpServer } from '@passerelle/subgraph-kit/http';
import type { RunningGateway } from '../src/server';
import { postJson, startDossiersSubgraph, startHardenedGateway } from './support/hardenedGateway';

// Limits at their defaults: depth 12, aliases 15, directives 10, tokens 2000, cost 3000.
let dir: string;
let subgraph: RunningHttpServer;
let dev: RunningGateway;
/** Production with TRUSTED_DOCUMENTS=off: ad-hoc documents reach the limits (as an analyst's would). */
let production: RunningGateway;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'passerelle-limits-'));
  subgraph = await startDossiersSubgraph();
  dev = await startHardenedGateway(path.join(dir, 'dev'), subgraph, { PASSERELLE_MODE: 'dev' });
  production = await startHardenedGateway(path.join(dir, 'production'), subgraph, { PASSERELLE_MODE: 'production', TRUSTED_DOCUMENTS: 'off' });
});

afterAll(async () => {
  await dev?.stop();
  await production?.stop();
  await subgraph?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** `usager { proches { … { id } } }`: depth `levels + 2`. */
const nested = (levels: number, leaves = 'id') => `usager(id: "u-1") { ${'proches { '.repeat(levels)}${leaves}${' }'.repeat(levels)} }`;
const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: usager(id: "u-${i}") { id }`).join(' ')} }`;
const directives = (count: number) => `{ usager(id: "u-1") { ${'id @include(if: true) '.repeat(count)}} }`;
const tokenFlood = `{ ${'__typename '.repeat(2100)} }`;
// 15 aliases, depth 11, 600 tokens, no directive: within every other limit, costs about 6,000.
const costBomb = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: ${nested(9, 'id nom statut')}`).join(' ')} }`;

const refusal = (limit: string) => ({ message: `The operation exceeds the gateway's ${limit} limit.`, extensions: { code: 'OPERATION_TROP_COMPLEXE', retryable: false } });

describe('operations within the limits run', () => {
  test.each([
    ['depth 12', `{ ${nested(10)} }`],
    ['15 aliases', aliased(15)],
    ['10 directives', directives(10)],
  ])('%s', async (_name, query) => {
    const { status, body } = await postJson(production.url, { query });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});

describe('in production, an operation over a limit is refused with HTTP 400, OPERATION_TROP_COMPLEXE and a message that names the limit only', () => {
  test.each([
    ['deep nesting', 'depth', `{ ${nested(11)} }`],
    ['alias overloading', 'alias', aliased(16)],
    ['directive overloading', 'directive', directives(11)],
    ['a token flood', 'token', tokenFlood],
    ['a cost bomb', 'cost', costBomb],
  ])('%s', async (_name, limit, query) => {
    const { status, body, text } = await postJson(production.url, { query });
    expect(status).toBe(400);
    expect(body).toEqual({ errors: [refusal(limit)] });
    // Neither the limit nor the value measured.
    expect(text).not.toMatch(/\d/);
  });

  test('a token flood is refused before it is parsed: a flood that would not even parse gets the same refusal', async () => {
    const { status, body } = await postJson(production.url, { query: tokenFlood.slice(0, -1) });
    expect(status).toBe(400);
    expect(body).toEqual({ errors: [refusal('token')] });
  });

  test('circular fragments are refused by GraphQL validation', async () => {
    const query = `{ usager(id: "u-1") { ...A } } fragment A on Usager { proches { ...B } } fragment B on Usager { proches { ...A } }`;
    const { status, body } = await postJson(production.url, { query });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([['Cannot spread fragment "A" within itself via "B".', 'GRAPHQL_VALIDATION_FAILED']]);
  });
});

describe('in dev mode, the refusal adds the limit and the value measured', () => {
  test.each([
    ['depth', `{ ${nested(11)} }`, 'Query depth limit of 12 exceeded, found 13.'],
    ['alias', aliased(16), 'Aliases limit of 15 exceeded, found 16.'],
    ['directive', directives(11), 'Directives limit of 10 exceeded, found 11.'],
    ['token', tokenFlood, 'Token limit of 2000 exceeded.'],
  ])('%s', async (limit, query, detail) => {
    const { status, body } = await postJson(dev.url, { query });
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ ...refusal(limit), message: `The operation exceeds the gateway's ${limit} limit. ${detail}` }]);
  });

  test('cost', async () => {
    const { body } = await postJson(dev.url, { query: costBomb });
    expect(body.errors).toEqual([{ ...refusal('cost'), message: expect.stringMatching(/^The operation exceeds the gateway's cost limit\. Query Cost limit of 3000 exceeded, found \d+(\.\d+)?\.$/) }]);
  });
});
