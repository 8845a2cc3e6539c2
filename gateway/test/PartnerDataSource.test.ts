import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError, parse } from 'graphql';
import { PartnerDataSource } from '../src/PartnerDataSource';
import { recordingLogger } from './support/postGraphQL';

/** A raw HTTP server standing in for a subgraph that misbehaves in one precise way. */
let behaviour: (res: http.ServerResponse) => void = () => {};
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => behaviour(res));
});
let url: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

// The gateway's request kind is an enum it does not export; its value is this string.
function operation(pathInIncomingRequest: (string | number)[], query = '{ _entities(representations: []) { __typename } }'): GraphQLDataSourceProcessOptions {
  return {
    kind: 'incoming operation',
    request: { query },
    document: parse(query),
    incomingRequestContext: {},
    context: {},
    pathInIncomingRequest,
  } as unknown as GraphQLDataSourceProcessOptions;
}

async function failureOf(promise: Promise<unknown>): Promise<GraphQLError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  if (!(error instanceof GraphQLError)) throw new Error(`expected a GraphQLError, got ${String(error)}`);
  return error;
}

/** A port that was free a moment ago and that nothing listens on any more. */
async function closedPort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const source = (timeoutMs = 2000, logger = recordingLogger().logger) => new PartnerDataSource({ name: 'caf', url, timeoutMs, logger });

test('a non-2xx answer without GraphQL errors is PARTENAIRE_INDISPONIBLE, with no URL nor payload in the message', async () => {
  behaviour = (res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway: upstream secret-host</h1>');
  const error = await failureOf(source().process(operation(['usagers', '@', 'foyer'])));
  expect(error.message).toBe('The caf subgraph is unavailable.');
  expect(error.extensions).toEqual({ code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'caf', retryable: true });
  // Cut before the list marker: the path must name a real place in the response.
  expect(error.path).toEqual(['usagers']);
});

test('a non-2xx answer with GraphQL errors hands those errors to the gateway', async () => {
  const errors = [{ message: 'Cannot query field "x".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }];
  behaviour = (res) => res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors }));
  await expect(source().process(operation(['usager']))).resolves.toEqual({ errors });
});

test('a subgraph that does not answer in time is PARTENAIRE_DELAI_DEPASSE', async () => {
  behaviour = () => {};
  const error = await failureOf(source(150).process(operation(['usager'])));
  expect(error.extensions).toEqual({ code: 'PARTENAIRE_DELAI_DEPASSE', partenaire: 'caf', retryable: true });
  expect(error.path).toEqual(['usager']);
});

test('a subgraph nobody listens for is PARTENAIRE_INDISPONIBLE, logged by cause without the URL', async () => {
  const recorded = recordingLogger();
  const unreachable = new PartnerDataSource({ name: 'cpam', url: `http://127.0.0.1:${await closedPort()}/graphql`, timeoutMs: 2000, logger: recorded.logger });
  const error = await failureOf(unreachable.process(operation([], '{ dossier: usager(id: "u-1") { id } }')));
  expect(error.extensions).toEqual({ code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'cpam', retryable: true });
  // A root fetch: the path is its one root field, under the client's alias.
  expect(error.path).toEqual(['dossier']);
  expect(recorded.lines).toEqual([
    { level: 'warn', message: 'subgraph fetch failed', fields: { partenaire: 'cpam', timedOut: false, status: undefined, cause: 'ECONNREFUSED' } },
  ]);
});
