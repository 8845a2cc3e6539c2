import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { devGatewayContextSigningKey } from '@passerelle/mocks';
import { generateGatewayContextKey, parseGatewayContextKeys, signGatewayContext, type GatewayContextSigningKey } from '@passerelle/subgraph-kit/context-keys';
import { gatewayContextHeader } from '@passerelle/subgraph-kit/security';
import { query, startTestFederation, testCodec, asReferent } from '../src/e2e/testFederation';
import { subgraphServices, type RunningFederation } from '@passerelle/dev';

// Not the defaults: the gateway signs with its own current key (a previous one still published),
// and every subgraph trusts only their public halves, from a file (a subgraph that ignored its
// configuration would refuse the gateway here).
const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-contexte-'));
const [current, previous] = [generateGatewayContextKey(), generateGatewayContextKey()];
const signingKeyOf = (jwk: typeof current): GatewayContextSigningKey => parseGatewayContextKeys(JSON.stringify({ keys: [jwk] })).signing;
const publicOf = ({ d: _d, ...rest }: typeof current) => rest;

let federation: RunningFederation;
beforeAll(async () => {
  const keys = path.join(dir, 'gateway-context-keys.json');
  const jwks = path.join(dir, 'gateway-context-jwks.json');
  writeFileSync(keys, JSON.stringify({ keys: [current, previous] }), { mode: 0o600 });
  writeFileSync(jwks, JSON.stringify({ keys: [publicOf(current), publicOf(previous)] }));
  federation = await startTestFederation({ GATEWAY_CONTEXT_KEYS: keys, GATEWAY_CONTEXT_JWKS: jwks });
});
afterAll(() => federation.stop());

const names = subgraphServices().map((service) => service.name);
const anonymous = { requestId: 'e2e-direct', caller: null, finalite: null };
const signed = (key: GatewayContextSigningKey, audience: string) => signGatewayContext(anonymous, { key, audience });

/** POSTs `{ _service { sdl } }` straight to a subgraph, bypassing the gateway. */
async function direct(name: string, headers: Record<string, string> = {}): Promise<{ status: number; code: unknown }> {
  const response = await fetch(`${federation.subgraphs.get(name)!.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: unknown } }> };
  return { status: response.status, code: body.errors?.[0]?.extensions?.code };
}

const refusedInvalid = { status: 401, code: 'CONTEXTE_PASSERELLE_INVALIDE' };

describe('subgraphs answer only the gateway', () => {
  it('the gateway’s signed contexts are accepted: a query across two subgraphs answers without error', async () => {
    const answer = await query<{ usager: { identite: { nomNaissance: string }; caf: unknown } }>(
      federation,
      'query($id: ID!) { usager(id: $id) { identite { nomNaissance } caf { numeroAllocataire } } }',
      {
        id: testCodec.encode(federation.population.persona('rsa-isolee').nir),
      },
      asReferent('ref-001'),
    );
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.usager.caf).toEqual({ numeroAllocataire: '0412345' });
  });

  it('the gateway publishes the public keys its subgraphs were given, and nothing private', async () => {
    const response = await fetch(`${federation.gatewayUrl}/.well-known/passerelle-contexte-jwks.json`);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ keys: [publicOf(current), publicOf(previous)] });
    expect(text).not.toContain(current.d);
    expect(text).not.toContain(previous.d);
  });

  it.each(names)('%s refuses a direct call without a context (401)', async (name) => {
    expect(await direct(name)).toEqual({ status: 401, code: 'CONTEXTE_PASSERELLE_ABSENT' });
  });

  it.each(names)('%s accepts the gateway’s current and previous keys, and refuses any other key with 401', async (name) => {
    expect(await direct(name, { [gatewayContextHeader]: await signed(signingKeyOf(current), name) })).toEqual({ status: 200, code: undefined });
    expect(await direct(name, { [gatewayContextHeader]: await signed(signingKeyOf(previous), name) })).toEqual({ status: 200, code: undefined });
    // The development key pair (which anyone who read the repository holds), a fresh key of its own, a fresh key under the current kid.
    expect(await direct(name, { [gatewayContextHeader]: await signed(devGatewayContextSigningKey(), name) })).toEqual(refusedInvalid);
    expect(await direct(name, { [gatewayContextHeader]: await signed(signingKeyOf(generateGatewayContextKey()), name) })).toEqual(refusedInvalid);
    const impostor = { kid: current.kid, privateKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey };
    expect(await direct(name, { [gatewayContextHeader]: await signed(impostor, name) })).toEqual(refusedInvalid);
  });

  it('a context signed for one subgraph is refused by every other', async () => {
    const forCaf = await signed(signingKeyOf(current), 'caf');
    expect(await direct('caf', { [gatewayContextHeader]: forCaf })).toEqual({ status: 200, code: undefined });
    for (const name of names.filter((n) => n !== 'caf')) {
      expect(await direct(name, { [gatewayContextHeader]: forCaf })).toEqual(refusedInvalid);
    }
  });

  it('GET /health stays open on every subgraph', async () => {
    for (const name of names) {
      expect((await fetch(`${federation.subgraphs.get(name)!.url}/health`)).status).toBe(200);
    }
  });
});
