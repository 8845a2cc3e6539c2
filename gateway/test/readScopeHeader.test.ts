import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readOnlyRequestHeader, silentLogger, type RunningSubgraphServer } from '@passerelle/subgraph-kit';
import { loadGatewayConfig } from '../src/config';
import { createServer, type RunningGateway } from '../src/server';
import { postGraphQL } from './support/postGraphQL';
import { composeSupergraph, startTestSubgraphs, subgraphSdl, type SubgraphName } from './support/testSubgraphs';
import { withTestJournal } from './support/tempJournalPath';

/**
 * `x-passerelle-lecture` goes with a query's fetch only where the plan asks that subgraph again
 * (RequestSecurity.readsServeLaterFetches, fetch/subgraphsAskedAgain.ts): seen by the CAF's
 * subgraph through a recording proxy, on plans ApolloGateway builds.
 */
let dir: string;
let subgraphs: Record<SubgraphName, RunningSubgraphServer>;
let proxy: http.Server;
let gateway: RunningGateway;
const seen: Array<string | undefined> = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'passerelle-lecture-'));
  const supergraphPath = path.join(dir, 'supergraph.graphql');
  writeFileSync(supergraphPath, composeSupergraph(subgraphSdl));
  subgraphs = await startTestSubgraphs(Promise.resolve());
  proxy = http.createServer((req, res) => {
    seen.push(req.headers[readOnlyRequestHeader] as string | undefined);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'host' && entry[0] !== 'content-length'),
      );
      fetch(`${subgraphs.caf.url}/graphql`, { method: 'POST', headers, body: Buffer.concat(chunks) })
        .then(async (answer) => res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(await answer.text()))
        .catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const cafUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
  const urls = [`identite=${subgraphs.identite.url}/graphql`, `caf=${cafUrl}`, `cpam=${subgraphs.cpam.url}/graphql`];
  gateway = await createServer(loadGatewayConfig(withTestJournal({ GATEWAY_PORT: '0', SUPERGRAPH_PATH: supergraphPath, SUBGRAPH_URLS: urls.join(',') })), silentLogger);
});

afterAll(async () => {
  await gateway?.stop();
  await new Promise((resolve) => proxy?.close(resolve));
  await Promise.all(Object.values(subgraphs ?? {}).map((server) => server.stop()));
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  seen.length = 0;
});

test('a plan that asks the CAF once sends no read-only mark: its answers are not kept for later fetches that will not come', async () => {
  const { body } = await postGraphQL(gateway.url, '{ usager(id: "u-1") { id nom caf cpam } }');
  expect(body).toEqual({ data: { usager: { id: 'u-1', nom: 'Nom de u-1', caf: 'CAF-u-1', cpam: 'CPAM-u-1' } } });
  expect(seen).toEqual([undefined]);
});

test('a plan that asks the CAF twice marks both fetches: the first one’s reads may serve the second', async () => {
  const { body } = await postGraphQL(gateway.url, '{ a: usager(id: "u-1") { caf } b: usager(id: "u-2") { caf } }');
  expect(body).toEqual({ data: { a: { caf: 'CAF-u-1' }, b: { caf: 'CAF-u-2' } } });
  expect(seen).toEqual(['1', '1']);
});
