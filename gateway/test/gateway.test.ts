import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunningHttpServer } from '@passerelle/subgraph-kit';
import { loadGatewayConfig } from '../src/config';
import { createServer, type RunningGateway } from '../src/server';
import { eventually, postGraphQL, recordingLogger } from './support/postGraphQL';
import { cafSdlWithoutQuotient, composeSupergraph, createGate, startTestSubgraphs, subgraphSdl, type SubgraphName } from './support/testSubgraphs';
import { withTestJournal } from './support/tempJournalPath';

const slowPartner = createGate();
const recorded = recordingLogger();
let dir: string;
let supergraphPath: string;
let subgraphs: Record<SubgraphName, RunningHttpServer>;
let gateway: RunningGateway;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'passerelle-gateway-'));
  supergraphPath = path.join(dir, 'supergraph.graphql');
  writeFileSync(supergraphPath, composeSupergraph({ ...subgraphSdl, caf: cafSdlWithoutQuotient }));
  subgraphs = await startTestSubgraphs(slowPartner.wait);
  const urls = Object.entries(subgraphs).map(([name, server]) => `${name}=${server.url}/graphql`);
  const config = loadGatewayConfig(
    withTestJournal({
      GATEWAY_PORT: '0',
      SUPERGRAPH_PATH: supergraphPath,
      SUBGRAPH_URLS: urls.join(','),
      SUBGRAPH_TIMEOUT_MS: '1000',
      PASSERELLE_MODE: 'dev',
    }),
  );
  gateway = await createServer(config, recorded.logger);
});

afterAll(async () => {
  slowPartner.open();
  await gateway?.stop();
  await Promise.all(Object.values(subgraphs ?? {}).map((server) => server.stop()));
  rmSync(dir, { recursive: true, force: true });
});

test('a federated query returns data from both subgraphs', async () => {
  const { status, body } = await postGraphQL(gateway.url, '{ usager(id: "u-1") { id nom caf } }');
  expect(status).toBe(200);
  expect(body).toEqual({ data: { usager: { id: 'u-1', nom: 'Nom de u-1', caf: 'CAF-u-1' } } });
});

test('an error the subgraph returns with a registered code passes through with its partenaire', async () => {
  const { status, body } = await postGraphQL(gateway.url, '{ usager(id: "u-erreur") { nom caf } }');
  expect(status).toBe(200);
  expect(body.data).toEqual({ usager: { nom: 'Nom de u-erreur', caf: null } });
  expect(body.errors).toEqual([
    {
      message: 'The CAF legacy system is unavailable.',
      path: ['usager', 'caf'],
      extensions: { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'caf', retryable: true },
    },
  ]);
});

test('a subgraph slower than SUBGRAPH_TIMEOUT_MS costs its own fields only', async () => {
  const { status, body } = await postGraphQL(gateway.url, '{ usager(id: "u-lent") { nom caf } }');
  expect(status).toBe(200);
  expect(body.data).toEqual({ usager: { nom: 'Nom de u-lent', caf: null } });
  expect(body.errors).toEqual([
    {
      message: 'The caf subgraph did not answer in time.',
      path: ['usager'],
      extensions: { code: 'PARTENAIRE_DELAI_DEPASSE', partenaire: 'caf', retryable: true },
    },
  ]);
});

test('GET /health is 200 once the gateway is loaded', async () => {
  const response = await fetch(`${gateway.url}/health`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});

test('a supergraph that does not build is ignored, and a new valid one is served without restart', async () => {
  writeFileSync(supergraphPath, 'this is not a supergraph');
  await eventually(() => recorded.lines.some((line) => line.message === 'supergraph rejected, keeping the current supergraph'));
  const stillServing = await postGraphQL(gateway.url, '{ usager(id: "u-2") { nom caf } }');
  expect(stillServing.body).toEqual({ data: { usager: { nom: 'Nom de u-2', caf: 'CAF-u-2' } } });
  const before = await postGraphQL(gateway.url, '{ usager(id: "u-2") { quotientFamilial } }');
  expect(before.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

  writeFileSync(supergraphPath, composeSupergraph(subgraphSdl));
  let latest = before;
  await eventually(async () => {
    latest = await postGraphQL(gateway.url, '{ usager(id: "u-2") { quotientFamilial } }');
    return latest.body.errors === undefined;
  });
  expect(latest.body).toEqual({ data: { usager: { quotientFamilial: 742 } } });
});

// Last: it stops the cpam subgraph, which no other test queries.
test('a stopped subgraph yields HTTP 200, the other data intact, null and one error naming the partner', async () => {
  await subgraphs.cpam.stop();
  const { status, body } = await postGraphQL(gateway.url, '{ usager(id: "u-3") { id nom cpam } }');
  expect(status).toBe(200);
  expect(body.data).toEqual({ usager: { id: 'u-3', nom: 'Nom de u-3', cpam: null } });
  expect(body.errors).toHaveLength(1);
  const [error] = body.errors ?? [];
  expect(error?.extensions).toEqual({ code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'cpam', retryable: true });
  expect(error?.path).toEqual(['usager']);
  expect(error?.message).toBe('The cpam subgraph is unavailable.');
  expect(JSON.stringify(body)).not.toContain('http://');
});
