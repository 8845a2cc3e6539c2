import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, silentLogger, type RunningSubgraphServer } from '@passerelle/subgraph-kit';
import { devGatewayContextSecret, gatewayContextHeader, signGatewayContext } from '@passerelle/subgraph-kit/security';
import { loadGatewayConfig } from '../src/config';
import { createGateway } from '../src/createGateway';
import { createServer, type RunningGateway } from '../src/server';
import { postGraphQL } from './support/postGraphQL';
import { composeSupergraph, startTestSubgraphs, subgraphSdl, type SubgraphName } from './support/testSubgraphs';
import { withTestJournal } from './support/tempJournalPath';

let dir: string;
let subgraphs: Record<SubgraphName, RunningSubgraphServer>;
let env: NodeJS.ProcessEnv;
let gateway: RunningGateway;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'passerelle-contexte-'));
  const supergraphPath = path.join(dir, 'supergraph.graphql');
  writeFileSync(supergraphPath, composeSupergraph(subgraphSdl));
  subgraphs = await startTestSubgraphs(Promise.resolve());
  const urls = Object.entries(subgraphs).map(([name, server]) => `${name}=${server.url}/graphql`);
  env = { GATEWAY_PORT: '0', SUPERGRAPH_PATH: supergraphPath, SUBGRAPH_URLS: urls.join(',') };
  gateway = await createServer(loadGatewayConfig(withTestJournal(env)), silentLogger);
});

afterAll(async () => {
  await gateway?.stop();
  await Promise.all(Object.values(subgraphs ?? {}).map((server) => server.stop()));
  rmSync(dir, { recursive: true, force: true });
});

/** POSTs straight to a subgraph, as only the gateway should, with the headers given. */
async function postToSubgraph(name: SubgraphName, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${subgraphs[name].url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  return { status: response.status, body: await response.json() };
}

const refused = (code: string, message: string) => ({ errors: [{ message, extensions: { code, retryable: false } }] });

test('every fetch of a federated query carries a context its subgraph accepts', async () => {
  const { status, body } = await postGraphQL(gateway.url, '{ usager(id: "u-1") { id nom caf cpam } }');
  expect(status).toBe(200);
  expect(body).toEqual({ data: { usager: { id: 'u-1', nom: 'Nom de u-1', caf: 'CAF-u-1', cpam: 'CPAM-u-1' } } });
});

test.each<SubgraphName>(['identite', 'caf', 'cpam'])('a direct call to the %s subgraph, without the gateway’s context, is refused with 401', async (name) => {
  expect(await postToSubgraph(name, {})).toEqual({ status: 401, body: refused('CONTEXTE_PASSERELLE_ABSENT', 'This subgraph answers only the Passerelle gateway.') });
});

test('a context the gateway signed for another subgraph is refused: it cannot be replayed', async () => {
  const forIdentite = await signGatewayContext({ requestId: 'r-1', caller: null, finalite: null }, { secret: devGatewayContextSecret, audience: 'identite' });
  expect(await postToSubgraph('identite', { [gatewayContextHeader]: forIdentite })).toMatchObject({ status: 200 });
  expect(await postToSubgraph('caf', { [gatewayContextHeader]: forIdentite })).toEqual({
    status: 401,
    body: refused('CONTEXTE_PASSERELLE_INVALIDE', 'The gateway context is invalid or has expired.'),
  });
});

test('a gateway whose secret is not the subgraphs’ gets their data refused: HTTP 200, null and PARTENAIRE_ACCES_REFUSE naming the partner', async () => {
  const misconfigured = await createServer(loadGatewayConfig(withTestJournal({ ...env, GATEWAY_CONTEXT_SECRET: 'another-secret-of-at-least-32-characters' })), silentLogger);
  try {
    const { status, body } = await postGraphQL(misconfigured.url, '{ usager(id: "u-1") { id nom } }');
    expect(status).toBe(200);
    expect(body).toEqual({
      data: { usager: null },
      // A failed root fetch reaches the client without a path (the gateway's behaviour for any root fetch).
      errors: [{ message: "The identite subgraph refused the gateway's credentials.", extensions: { code: 'PARTENAIRE_ACCES_REFUSE', partenaire: 'identite', retryable: false } }],
    });
  } finally {
    await misconfigured.stop();
  }
});

test('a gateway in production mode refuses the development secret, and accepts its own', () => {
  const production = { SUPERGRAPH_PATH: __filename, PASSERELLE_MODE: 'production' };
  let error: unknown;
  try {
    createGateway(loadGatewayConfig(withTestJournal(production)), silentLogger);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).problems).toEqual(['GATEWAY_CONTEXT_SECRET: the development default is refused in production; set a secret of at least 32 random characters']);
  expect(() => createGateway(loadGatewayConfig(withTestJournal({ ...production, GATEWAY_CONTEXT_SECRET: 'a-production-secret-of-32-characters-or-more' })), silentLogger)).not.toThrow();
});
