import path from 'node:path';
import { parse } from 'graphql';
import { devGatewayContextKeysPath } from '../src/contextKeys/devGatewayContextKeysPath';
import type { GatewayContextSigningKey } from '../src/contextKeys/GatewayContextSigningKey';
import { readGatewayContextKeys } from '../src/contextKeys/readGatewayContextKeys';
import { signGatewayContext } from '../src/contextKeys/signGatewayContext';
import { ConfigError } from '../src/config/readConfig';
import { createLogger } from '../src/logging/createLogger';
import type { Caller } from '../src/security/caller';
import { gatewayContextHeader } from '../src/security/gatewayContextKey';
import { createSubgraphServer, type RunningSubgraphServer, type SubgraphRequestContext } from '../src/server/createSubgraphServer';
import { currentDeadline, deadlineHeader } from '../src/legacy/requestDeadline';
import { freshKey, replaceJson, tempDir } from './support/contextKeys';

// The gateway's keys as a subgraph is given them: a current and a previous key, public halves in a file.
const current = freshKey();
const previous = freshKey();
const jwks = path.join(tempDir('kit-server'), 'gateway-jwks.json');
replaceJson(jwks, { keys: [current.publicJwk, previous.publicJwk] });
const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { appel: String! requestId: String! echeance: String! }
`);
const agent: Caller = { subject: 'agent-042', kind: 'agent', roles: ['agent'], organisation: 'CAF12', partenaire: 'caf', referentId: null, usagerId: null };

let server: RunningSubgraphServer;
let resolved = 0;
const logLines: string[] = [];

beforeAll(async () => {
  server = await createSubgraphServer<SubgraphRequestContext>({
    name: 'essai',
    typeDefs,
    resolvers: {
      Query: {
        appel: (_: unknown, __: unknown, context: SubgraphRequestContext) => {
          resolved += 1;
          return JSON.stringify(context.appel);
        },
        requestId: (_: unknown, __: unknown, context: SubgraphRequestContext) => context.requestId,
        // What the context holds and what a legacy call made here would see (requestDeadline.ts).
        echeance: (_: unknown, __: unknown, context: SubgraphRequestContext) => JSON.stringify({ context: context.echeance, legacy: currentDeadline() }),
      },
    },
    port: 0,
    host: '127.0.0.1',
    logger: createLogger('essai', 'warn', (line) => void logLines.push(line)),
    gatewayContext: { jwks, ttlS: 60, mode: 'dev' },
    createContext: (base) => base,
  });
});
afterAll(() => server?.stop());
beforeEach(() => {
  resolved = 0;
  logLines.length = 0;
});

const sign = (audience = 'essai', key: GatewayContextSigningKey = current.signing) => signGatewayContext({ requestId: 'gw-req-1', caller: agent, finalite: 'instruction' }, { key, audience });

async function post(headers: Record<string, string>, query = '{ appel }'): Promise<{ status: number; body: unknown; requestId: string | null }> {
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, body: await response.json(), requestId: response.headers.get('x-request-id') };
}
/** Status and body only. */
const answer = async (headers: Record<string, string>) => {
  const { status, body } = await post(headers);
  return { status, body };
};

const absent = { errors: [{ message: 'This subgraph answers only the Passerelle gateway.', extensions: { code: 'CONTEXTE_PASSERELLE_ABSENT', retryable: false } }] };
const invalide = { errors: [{ message: 'The gateway context is invalid or has expired.', extensions: { code: 'CONTEXTE_PASSERELLE_INVALIDE', retryable: false } }] };

describe('createSubgraphServer and the gateway context', () => {
  it('returns its name, the audience its requests must be signed for', () => {
    expect(server.name).toBe('essai');
  });

  it('serves a request carrying a context signed for it, and hands the context to the resolvers', async () => {
    const { status, body, requestId } = await post({ [gatewayContextHeader]: await sign() }, '{ appel requestId }');
    expect(status).toBe(200);
    const data = (body as { data: { appel: string; requestId: string } }).data;
    expect(JSON.parse(data.appel)).toEqual({ requestId: 'gw-req-1', caller: agent, finalite: 'instruction' });
    // The subgraph's own request id stays its own, beside the gateway's.
    expect(data.requestId).toBe(requestId);
  });

  it('accepts a context signed with the gateway’s previous key (signed just before a roll-over)', async () => {
    const { status, body } = await post({ [gatewayContextHeader]: await sign('essai', previous.signing) });
    expect(status).toBe(200);
    expect(JSON.parse((body as { data: { appel: string } }).data.appel)).toEqual({ requestId: 'gw-req-1', caller: agent, finalite: 'instruction' });
  });

  it('refuses a POST without a context with 401 and CONTEXTE_PASSERELLE_ABSENT, before any resolver runs', async () => {
    expect(await answer({})).toEqual({ status: 401, body: absent });
    expect(await answer({ [gatewayContextHeader]: '' })).toEqual({ status: 401, body: absent });
    expect(resolved).toBe(0);
    expect(logLines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ level: 'warn', message: 'gateway context refused', subgraph: 'essai', code: 'CONTEXTE_PASSERELLE_ABSENT' }),
      expect.objectContaining({ level: 'warn', message: 'gateway context refused', subgraph: 'essai', code: 'CONTEXTE_PASSERELLE_ABSENT' }),
    ]);
  });

  it('refuses a GET operation without a context too', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ appel }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(absent);
    expect(resolved).toBe(0);
  });

  it.each<[string, () => Promise<string>, string]>([
    ['signed for another subgraph', () => sign('caf'), 'ERR_JWT_CLAIM_VALIDATION_FAILED:aud'],
    ['signed with a key the gateway does not publish', () => sign('essai', freshKey().signing), 'ERR_JWKS_NO_MATCHING_KEY'],
    ['signed with the development key, which this subgraph was not given', () => sign('essai', readGatewayContextKeys(devGatewayContextKeysPath).signing), 'ERR_JWKS_NO_MATCHING_KEY'],
    ['signed with another key under the current key’s kid', () => sign('essai', { kid: current.signing.kid, privateKey: freshKey().signing.privateKey }), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'],
    ['that is not a JWS', () => Promise.resolve('garbage'), 'ERR_JWS_INVALID'],
  ])('refuses a context %s with 401 and the same CONTEXTE_PASSERELLE_INVALIDE; only the log says why', async (_case, token, reason) => {
    const value = await token();
    expect(await answer({ [gatewayContextHeader]: value })).toEqual({ status: 401, body: invalide });
    expect(resolved).toBe(0);
    expect(logLines).toHaveLength(1);
    expect(JSON.parse(logLines[0]!)).toMatchObject({ message: 'gateway context refused', code: 'CONTEXTE_PASSERELLE_INVALIDE', reason });
    expect(logLines[0]).not.toContain(value);
  });

  it('keeps GET /health open', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', subgraph: 'essai' });
  });

  it('answers GET /ready without a gateway context, and without asking any legacy system', async () => {
    const response = await fetch(`${server.url}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', subgraph: 'essai' });
    expect(resolved).toBe(0);
  });

  it('does not start in production mode on the development keys embedded in the kit', async () => {
    const start = createSubgraphServer<SubgraphRequestContext>({
      name: 'essai',
      typeDefs,
      resolvers: {},
      port: 0,
      host: '127.0.0.1',
      logger: createLogger('essai', 'error', () => {}),
      gatewayContext: { jwks: '', ttlS: 60, mode: 'production' },
      createContext: (base) => base,
    });
    await expect(start).rejects.toEqual(new ConfigError(['GATEWAY_CONTEXT_JWKS: the development keys embedded in the kit are refused in production']));
  });

  it('reads the gateway’s deadline header into the context and the legacy calls’ scope, keeping a margin to answer', async () => {
    const before = Date.now();
    const answer = await post({ [gatewayContextHeader]: await sign(), [deadlineHeader]: '2000' }, '{ echeance }');
    const after = Date.now();
    const { context, legacy } = JSON.parse((answer.body as { data: { echeance: string } }).data.echeance) as { context: number; legacy: number };
    expect(legacy).toBe(context);
    // 2000 ms from receipt, less a tenth kept to send the answer back.
    expect(context).toBeGreaterThanOrEqual(before + 1800);
    expect(context).toBeLessThanOrEqual(after + 1800);
  });

  it.each([[{}], [{ [deadlineHeader]: 'soon' }], [{ [deadlineHeader]: '0' }], [{ [deadlineHeader]: '99999999' }]])('has no deadline without a usable header (%j)', async (headers) => {
    const answer = await post({ [gatewayContextHeader]: await sign(), ...headers }, '{ echeance }');
    expect(JSON.parse((answer.body as { data: { echeance: string } }).data.echeance)).toEqual({ context: null, legacy: null });
  });
});
