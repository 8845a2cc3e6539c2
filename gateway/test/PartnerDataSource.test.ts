import { expect } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { gatewayContextHeader, gatewayContextKeyResolver, verifyGatewayContext, type Caller } from '@passerelle/subgraph-kit/security';
import { GraphQLError, parse } from 'graphql';
import { randomUUID } from 'node:crypto';
import { cacheBypassHeader, createUsagerIdCodec, readOnlyRequestHeader } from '@passerelle/subgraph-kit';
import { loadGatewayConfig } from '../src/config';
import { createContextSigner } from '../src/contextKeys/createContextSigner';
import { createFetchCoalescer } from '../src/fetch/createFetchCoalescer';
import { createGlobalFetcher } from '../src/fetch/createGlobalFetcher';
import { PartnerDataSource } from '../src/PartnerDataSource';
import { RequestSecurity } from '../src/pipeline/RequestSecurity';
import { recordingLogger } from './support/postGraphQL';

/** A raw HTTP server standing in for a subgraph that misbehaves in one precise way. */
let behaviour: (res: http.ServerResponse, req: http.IncomingMessage) => void = () => {};
const server = http.createServer((req, res) => {
  // The body is kept on the request for the tests that read what was sent.
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    Object.assign(req, { text: Buffer.concat(chunks).toString() });
    behaviour(res, req);
  });
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
function operation(
  pathInIncomingRequest: (string | number)[],
  query = '{ _entities(representations: []) { __typename } }',
  context: RequestSecurity = requestOf(null),
): GraphQLDataSourceProcessOptions {
  return {
    kind: 'incoming operation',
    request: { query },
    document: parse(query),
    incomingRequestContext: { context },
    context,
    pathInIncomingRequest,
  } as unknown as GraphQLDataSourceProcessOptions;
}

const codec = createUsagerIdCodec('partner-data-source-test-secret-0123');
/** A request's security object as server.ts creates it (the purpose step not run yet). */
function requestOf(caller: Caller | null, requestId: string = randomUUID()): RequestSecurity {
  return new RequestSecurity({ requestId, caller, codec });
}

async function failureOf(promise: Promise<unknown>): Promise<GraphQLError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
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

// The gateway's defaults: the development key pair; checked below as a subgraph on its defaults would.
const contextSigner = createContextSigner(loadGatewayConfig({}));
const devKeys = gatewayContextKeyResolver('');
const source = (timeoutMs = 2000, logger = recordingLogger().logger) => new PartnerDataSource({ name: 'caf', url, timeoutMs, logger, contextSigner });

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
  const unreachable = new PartnerDataSource({ name: 'cpam', url: `http://127.0.0.1:${await closedPort()}/graphql`, timeoutMs: 2000, logger: recorded.logger, contextSigner });
  const error = await failureOf(unreachable.process(operation([], '{ dossier: usager(id: "u-1") { id } }')));
  expect(error.extensions).toEqual({ code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'cpam', retryable: true });
  // A root fetch: the path is its one root field, under the client's alias.
  expect(error.path).toEqual(['dossier']);
  expect(recorded.lines).toEqual([{ level: 'warn', message: 'subgraph fetch failed', fields: { partenaire: 'cpam', timedOut: false, status: undefined, cause: 'ECONNREFUSED' } }]);
});

describe('the signed gateway context', () => {
  /** Answers every fetch with empty data and keeps the context header each one carried. */
  function recordContexts(): string[] {
    const tokens: string[] = [];
    behaviour = (res, req) => {
      tokens.push(String(req.headers[gatewayContextHeader]));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { _entities: [] } }));
    };
    return tokens;
  }
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  test('each fetch carries a context signed for this subgraph only; anonymous while the gateway knows no caller', async () => {
    const tokens = recordContexts();
    await source().process(operation(['usager']));
    expect(tokens).toHaveLength(1);
    await expect(verifyGatewayContext(tokens[0]!, { keys: devKeys, audience: 'caf' })).resolves.toEqual({ requestId: expect.stringMatching(uuid), caller: null, finalite: null });
    await expect(verifyGatewayContext(tokens[0]!, { keys: devKeys, audience: 'cpam' })).rejects.toMatchObject({ reason: 'ERR_JWT_CLAIM_VALIDATION_FAILED:aud' });
  });

  test('the fetches of one anonymous operation share one request id; another operation gets another', async () => {
    const tokens = recordContexts();
    const context = requestOf(null);
    await source().process(operation(['usager'], undefined, context));
    await source().process(operation(['usager'], undefined, context));
    await source().process(operation(['usager']));
    const ids = await Promise.all(tokens.map(async (token) => (await verifyGatewayContext(token, { keys: devKeys, audience: 'caf' })).requestId));
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  test("the caller, purpose and request id of the gateway's request context are signed, and nothing else it holds", async () => {
    const tokens = recordContexts();
    const caller: Caller = { subject: 'agent-042', kind: 'agent', roles: ['agent'], organisation: 'CAF12', partenaire: 'caf', referentId: null, usagerId: null };
    const context = requestOf({ ...caller, idToken: 'never-forwarded' } as Caller, 'req-1');
    context.declarePurpose('instruction');
    await source().process(operation(['usager'], undefined, context));
    expect(await verifyGatewayContext(tokens[0]!, { keys: devKeys, audience: 'caf' })).toEqual({ requestId: 'req-1', caller, finalite: 'instruction' });
    expect(Buffer.from(tokens[0]!.split('.')[1]!, 'base64url').toString()).not.toContain('never-forwarded');
  });

  test('a subgraph refusing the context (401) is PARTENAIRE_ACCES_REFUSE, its errors not passed on, its code logged', async () => {
    const recorded = recordingLogger();
    const refused = { errors: [{ message: 'The gateway context is invalid or has expired.', extensions: { code: 'CONTEXTE_PASSERELLE_INVALIDE', retryable: false } }] };
    behaviour = (res) => res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify(refused));
    const error = await failureOf(source(2000, recorded.logger).process(operation(['usager'])));
    expect(error.message).toBe("The caf subgraph refused the gateway's credentials.");
    expect(error.extensions).toEqual({ code: 'PARTENAIRE_ACCES_REFUSE', partenaire: 'caf', retryable: false });
    expect(error.path).toEqual(['usager']);
    expect(recorded.lines).toEqual([{ level: 'warn', message: 'subgraph fetch failed', fields: { partenaire: 'caf', timedOut: false, status: 401, cause: 'CONTEXTE_PASSERELLE_INVALIDE' } }]);
  });
});

describe('coalescing identical in-flight fetches (fetch/createFetchCoalescer.ts)', () => {
  const entitiesQuery = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Usager { caf { numeroAllocataire } } } }';
  const representations = [{ __typename: 'Usager', nir: '2850312345678' }];
  /** Answers every fetch with one entity per representation and records each body and the context it was signed with. */
  function recordFetches(): Array<{ body: { variables: { representations: unknown[] } }; token: string }> {
    const fetches: Array<{ body: { variables: { representations: unknown[] } }; token: string }> = [];
    behaviour = (res, req) => {
      const body = (req as http.IncomingMessage & { text: string }).text;
      const parsed = JSON.parse(body) as { variables: { representations: Array<{ nir: string }> } };
      fetches.push({ body: parsed, token: String(req.headers[gatewayContextHeader]) });
      const _entities = parsed.variables.representations.map((r) => ({ __typename: 'Usager', caf: { numeroAllocataire: `caf-${r.nir}` } }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { _entities } }));
    };
    return fetches;
  }
  const referent = (referentId: string): Caller => ({ subject: `agent-${referentId}`, kind: 'agent', roles: ['referent'], organisation: 'CD12', partenaire: null, referentId, usagerId: null });
  /** An `_entities` fetch of a client's operation, as ApolloGateway hands it over. */
  function entitiesFetch(context: RequestSecurity, operationType: 'query' | 'mutation' = 'query', query = entitiesQuery): GraphQLDataSourceProcessOptions {
    return {
      kind: 'incoming operation',
      request: { query, variables: { representations } },
      document: parse(query),
      incomingRequestContext: { context, operation: { operation: operationType } },
      context,
      pathInIncomingRequest: ['usager'],
    } as unknown as GraphQLDataSourceProcessOptions;
  }
  const asCaller = (caller: Caller, finalite: 'accompagnement' | 'instruction' = 'accompagnement') => {
    const request = requestOf(caller);
    request.declarePurpose(finalite);
    return request;
  };
  const coalescing = () => new PartnerDataSource({ name: 'caf', url, timeoutMs: 2000, logger: recordingLogger().logger, contextSigner, coalescer: createFetchCoalescer() });
  const expected = { data: { _entities: [{ __typename: 'Usager', caf: { numeroAllocataire: 'caf-2850312345678' } }] } };

  test('two identical query fetches of callers with the same rights share one fetch; each gets its own copy of the answer', async () => {
    const fetches = recordFetches();
    const dataSource = coalescing();
    const [first, second] = await Promise.all([dataSource.process(entitiesFetch(asCaller(referent('ref-001')))), dataSource.process(entitiesFetch(asCaller(referent('ref-001'))))]);
    expect(fetches).toHaveLength(1);
    expect(first).toEqual(expected);
    expect(second).toEqual(expected);
    // The gateway mutates what it merges: one parsed object must never serve two requests.
    expect(second.data).not.toBe(first.data);
  });

  test("a client's cache bypass reaches the subgraph, and its fetch is shared only with another that asked the same", async () => {
    const seen: Array<string | undefined> = [];
    behaviour = (res, req) => {
      seen.push(req.headers[cacheBypassHeader] as string | undefined);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { _entities: [{ __typename: 'Usager', caf: { numeroAllocataire: 'caf-2850312345678' } }] } }));
    };
    const dataSource = coalescing();
    const bypassing = (options: GraphQLDataSourceProcessOptions): GraphQLDataSourceProcessOptions => {
      const incoming = (options as unknown as { incomingRequestContext: Record<string, unknown> }).incomingRequestContext;
      incoming.request = { http: { headers: new Headers({ [cacheBypassHeader]: '1' }) } };
      return options;
    };
    const caller = referent('ref-001');
    await Promise.all([
      dataSource.process(bypassing(entitiesFetch(asCaller(caller)))),
      dataSource.process(bypassing(entitiesFetch(asCaller(caller)))),
      dataSource.process(entitiesFetch(asCaller(caller))),
    ]);
    expect(seen.sort()).toEqual(['1', undefined]);
  });

  test('callers with different rights, or purposes, never share a fetch; each fetch is signed for its own caller', async () => {
    const fetches = recordFetches();
    const dataSource = coalescing();
    const callers = [asCaller(referent('ref-001')), asCaller(referent('ref-007')), asCaller(referent('ref-001'), 'instruction')];
    const answers = await Promise.all(callers.map((caller) => dataSource.process(entitiesFetch(caller))));
    expect(answers).toEqual([expected, expected, expected]);
    expect(fetches).toHaveLength(3);
    const signed = await Promise.all(fetches.map(async ({ token }) => verifyGatewayContext(token, { keys: devKeys, audience: 'caf' })));
    expect(signed.map((s) => [s.caller?.referentId, s.finalite]).sort()).toEqual([
      ['ref-001', 'accompagnement'],
      ['ref-001', 'instruction'],
      ['ref-007', 'accompagnement'],
    ]);
  });

  test("a mutation's fetches are never shared, nor a fetch whose document is a mutation", async () => {
    const fetches = recordFetches();
    const dataSource = coalescing();
    const mutationText = entitiesQuery.replace(/^query/, 'mutation');
    await Promise.all([
      dataSource.process(entitiesFetch(asCaller(referent('ref-001')), 'mutation')),
      dataSource.process(entitiesFetch(asCaller(referent('ref-001')), 'mutation')),
      dataSource.process(entitiesFetch(asCaller(referent('ref-001')), 'query', mutationText)),
      dataSource.process(entitiesFetch(asCaller(referent('ref-001')), 'query', mutationText)),
    ]);
    expect(fetches).toHaveLength(4);
  });

  /** Answers every fetch, keeping the read-only mark each carried (undefined: none). */
  const recordReadOnlyMarks = (): Array<string | undefined> => {
    const seen: Array<string | undefined> = [];
    behaviour = (res, req) => {
      seen.push(req.headers[readOnlyRequestHeader] as string | undefined);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(expected));
    };
    return seen;
  };

  test("a query's fetches are marked read-only for the subgraph (one request's reads may serve its later fetches); a mutation's, follow-ups included, never", async () => {
    const seen = recordReadOnlyMarks();
    const dataSource = coalescing();
    await dataSource.process(entitiesFetch(asCaller(referent('ref-001'))));
    await dataSource.process(entitiesFetch(asCaller(referent('ref-001')), 'mutation'));
    await dataSource.process(entitiesFetch(asCaller(referent('ref-001')), 'query', entitiesQuery.replace(/^query/, 'mutation')));
    expect(seen).toEqual(['1', undefined, undefined]);
  });

  test("a query's fetch is marked read-only only where the request may ask the subgraph again: the plan fetches it twice, or its access facts came from it", async () => {
    const seen = recordReadOnlyMarks();
    const dataSource = coalescing();
    const once = asCaller(referent('ref-001'));
    once.planned(new Set(['departement']));
    const twice = asCaller(referent('ref-001'));
    twice.planned(new Set(['caf']));
    const facts = asCaller(referent('ref-001'));
    facts.planned(new Set());
    facts.askedForFacts('caf');
    for (const request of [once, twice, facts]) await dataSource.process(entitiesFetch(request));
    expect(seen).toEqual([undefined, '1', '1']);
  });

  test('a shared fetch that fails fails for each caller, each with its own path', async () => {
    behaviour = (res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
    const dataSource = coalescing();
    const a = entitiesFetch(asCaller(referent('ref-001')));
    const b = { ...entitiesFetch(asCaller(referent('ref-001'))), pathInIncomingRequest: ['autre', '@'] } as GraphQLDataSourceProcessOptions;
    const [errorA, errorB] = await Promise.all([failureOf(dataSource.process(a)), failureOf(dataSource.process(b))]);
    for (const error of [errorA, errorB]) expect(error.extensions).toEqual({ code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'caf', retryable: true });
    expect([errorA.path, errorB.path]).toEqual([['usager'], ['autre']]);
  });

  test('identical representations inside one _entities fetch are sent once and answered at every position, errors included', async () => {
    const fetches: Array<{ variables: { representations: Array<{ nir: string }> } }> = [];
    behaviour = (res, req) => {
      const parsed = JSON.parse((req as http.IncomingMessage & { text: string }).text) as { variables: { representations: Array<{ nir: string }> } };
      fetches.push(parsed);
      const _entities = parsed.variables.representations.map((r) => (r.nir === 'b' ? null : { __typename: 'Usager', caf: { numeroAllocataire: `caf-${r.nir}` } }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { _entities }, errors: [{ message: 'unknown', path: ['_entities', 1, 'caf'] }] }));
    };
    const options = entitiesFetch(asCaller(referent('ref-001')));
    const nirs = ['a', 'b', 'a', 'c', 'b'];
    options.request.variables = { representations: nirs.map((nir) => ({ __typename: 'Usager', nir })) };
    const answer = await source().process(options);
    expect(fetches.map((f) => f.variables.representations.map((r) => r.nir))).toEqual([['a', 'b', 'c']]);
    const entities = (answer.data as { _entities: Array<{ caf: { numeroAllocataire: string } } | null> })._entities;
    expect(entities.map((e) => e?.caf.numeroAllocataire ?? null)).toEqual(['caf-a', null, 'caf-a', 'caf-c', null]);
    // Two positions, two objects: the gateway merges later fetches into each.
    expect(entities[2]).not.toBe(entities[0]);
    expect(answer.errors).toEqual([
      { message: 'unknown', path: ['_entities', 1, 'caf'] },
      { message: 'unknown', path: ['_entities', 4, 'caf'] },
    ]);
  });
});

test('SUBGRAPH_FETCHER=fetch (Node fetch, what msw intercepts) maps failures and timeouts the same way', async () => {
  const viaFetch = (timeoutMs: number) => new PartnerDataSource({ name: 'caf', url, timeoutMs, logger: recordingLogger().logger, contextSigner, fetcher: createGlobalFetcher() });
  behaviour = (res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
  expect((await failureOf(viaFetch(2000).process(operation(['usager'])))).extensions).toEqual({ code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'caf', retryable: true });
  behaviour = () => {};
  expect((await failureOf(viaFetch(150).process(operation(['usager'])))).extensions).toEqual({ code: 'PARTENAIRE_DELAI_DEPASSE', partenaire: 'caf', retryable: true });
});
