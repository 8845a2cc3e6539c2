import { devGatewayContextSecret, gatewayContextHeader, signGatewayContext } from '@passerelle/subgraph-kit/security';
import { query, startTestFederation, testCodec, asReferent } from '../src/e2e/testFederation';
import { subgraphServices, type RunningFederation } from '@passerelle/dev';

// Not the default: a subgraph that ignored its configuration would refuse the gateway here.
const secret = 'end-to-end-test-gateway-context-secret';
let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation({ GATEWAY_CONTEXT_SECRET: secret });
});
afterAll(() => federation.stop());

const names = subgraphServices().map((service) => service.name);
const anonymous = { requestId: 'e2e-direct', caller: null, finalite: null };

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

describe('subgraphs answer only the gateway', () => {
  it('the gateway’s signed contexts are accepted: a query across two subgraphs answers without error', async () => {
    const answer = await query<{ usager: { identite: { nomNaissance: string }; caf: unknown } }>(federation, 'query($id: ID!) { usager(id: $id) { identite { nomNaissance } caf { numeroAllocataire } } }', {
      id: testCodec.encode(federation.population.persona('rsa-isolee').nir),
    }, asReferent('ref-001'));
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.usager.caf).toEqual({ numeroAllocataire: '0412345' });
  });

  it.each(names)('%s refuses a direct call without a context (401)', async (name) => {
    expect(await direct(name)).toEqual({ status: 401, code: 'CONTEXTE_PASSERELLE_ABSENT' });
  });

  it.each(names)('%s refuses a context signed with the development secret, and accepts one signed with its configured secret', async (name) => {
    const withDefault = await signGatewayContext(anonymous, { secret: devGatewayContextSecret, audience: name });
    expect(await direct(name, { [gatewayContextHeader]: withDefault })).toEqual({ status: 401, code: 'CONTEXTE_PASSERELLE_INVALIDE' });
    const signed = await signGatewayContext(anonymous, { secret, audience: name });
    expect(await direct(name, { [gatewayContextHeader]: signed })).toEqual({ status: 200, code: undefined });
  });

  it('a context signed for one subgraph is refused by every other', async () => {
    const forCaf = await signGatewayContext(anonymous, { secret, audience: 'caf' });
    for (const name of names.filter((n) => n !== 'caf')) {
      expect(await direct(name, { [gatewayContextHeader]: forCaf })).toEqual({ status: 401, code: 'CONTEXTE_PASSERELLE_INVALIDE' });
    }
  });

  it('GET /health stays open on every subgraph', async () => {
    for (const name of names) {
      expect((await fetch(`${federation.subgraphs.get(name)!.url}/health`)).status).toBe(200);
    }
  });
});
