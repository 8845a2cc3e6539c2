import { ApolloServer } from '@apollo/server';
import { createGraphQLHttpServer, type RunningHttpServer } from '../src/http/createGraphQLHttpServer';

let defaults: RunningHttpServer;
let small: RunningHttpServer;

beforeAll(async () => {
  const start = async (maxBodyBytes?: number) => {
    const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } });
    await apollo.start();
    return createGraphQLHttpServer({ apollo, port: 0, host: '127.0.0.1', context: () => Promise.resolve({}), ...(maxBodyBytes ? { maxBodyBytes } : {}) });
  };
  [defaults, small] = await Promise.all([start(), start(2048)]);
});
afterAll(async () => {
  await Promise.all([defaults?.stop(), small?.stop()]);
});

const post = (server: RunningHttpServer, fillerLength: number) =>
  fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ ok }', variables: { filler: 'x'.repeat(fillerLength) } }) });

test('a body over maxBodyBytes is answered 413 REQUETE_TROP_VOLUMINEUSE, and the connection closed', async () => {
  const response = await post(small, 3000);
  expect(response.status).toBe(413);
  expect(response.headers.get('connection')).toBe('close');
  expect(await response.json()).toEqual({ errors: [{ message: 'The request body is too large.', extensions: { code: 'REQUETE_TROP_VOLUMINEUSE', retryable: false } }] });
});

test('the default limit stays 1 MB (what subgraphs use)', async () => {
  expect((await post(defaults, 900_000)).status).toBe(200);
  expect((await post(defaults, 1_000_000)).status).toBe(413);
});
