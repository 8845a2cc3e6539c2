import { ApolloServer } from '@apollo/server';
import { createGraphQLHttpServer } from '../src/http/createGraphQLHttpServer';

/** A server whose `slow` field waits until the test releases it: a request surely under way, without timing. */
async function startHeldServer() {
  let release: () => void = () => undefined;
  let entered: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const inside = new Promise<void>((resolve) => (entered = resolve));
  const apollo = new ApolloServer({
    typeDefs: 'type Query { slow: String }',
    resolvers: {
      Query: {
        slow: async () => {
          entered();
          await held;
          return 'done';
        },
      },
    },
  });
  await apollo.start();
  const server = await createGraphQLHttpServer({ apollo, port: 0, host: '127.0.0.1', context: () => Promise.resolve({}), responseHeaders: { 'x-test': 'yes' } });
  return { server, release, inside };
}

const ask = (url: string) => fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ slow }' }) });

test('a graceful stop refuses new connections at once, lets the request under way finish with Connection: close, then stops', async () => {
  const { server, release, inside } = await startHeldServer();
  const underWay = ask(server.url);
  await inside;
  const events: string[] = [];
  const stopped = server.stop({ graceMs: 60_000, onListenerClosed: () => events.push('listener closed'), onRequestsCut: (n) => events.push(`cut ${n}`) }).then(() => events.push('stopped'));
  expect(events).toEqual(['listener closed']);
  const refused = await ask(server.url).then(
    () => 'answered',
    (error: { cause?: { code?: string } }) => error.cause?.code,
  );
  expect(refused).toBe('ECONNREFUSED');
  release();
  const response = await underWay;
  expect([response.status, response.headers.get('connection'), response.headers.get('x-test'), await response.json()]).toEqual([200, 'close', 'yes', { data: { slow: 'done' } }]);
  await stopped;
  expect(events).toEqual(['listener closed', 'stopped']);
});

test('a request still under way when the grace period runs out is cut, and counted', async () => {
  const { server, release, inside } = await startHeldServer();
  const underWay = ask(server.url).then(
    () => 'answered',
    () => 'cut',
  );
  await inside;
  const cut: number[] = [];
  await server.stop({ graceMs: 0, onRequestsCut: (n) => cut.push(n) });
  expect([cut, await underWay]).toEqual([[1], 'cut']);
  release();
});
