import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from '@passerelle/subgraph-kit';
import { loadGatewayConfig } from '../src/config';
import { graphiqlScripts, graphiqlStylesheet } from '../src/graphiqlPage';
import { createServer, type RunningGateway } from '../src/server';
import { postGraphQL } from './support/postGraphQL';
import { composeSupergraph, subgraphSdl } from './support/testSubgraphs';
import { testContextKeysPath } from './support/testContextKeys';
import { withTestJournal } from './support/tempJournalPath';

// No subgraph runs here: the static supergraph is enough to start, which is the point of it.
let dir: string;
let dev: RunningGateway;
let production: RunningGateway;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'passerelle-graphiql-'));
  const supergraphPath = path.join(dir, 'supergraph.graphql');
  writeFileSync(supergraphPath, composeSupergraph(subgraphSdl));
  const env = { GATEWAY_PORT: '0', SUPERGRAPH_PATH: supergraphPath };
  dev = await createServer(loadGatewayConfig(withTestJournal({ ...env, PASSERELLE_MODE: 'dev' })), silentLogger);
  // Production refuses the development context keys and identity provider (never fetched here: no token is sent).
  production = await createServer(
    loadGatewayConfig(
      withTestJournal({
        ...env,
        PASSERELLE_MODE: 'production',
        // Ad-hoc documents reach validation, where introspection is refused (trusted documents: test/trustedDocuments.test.ts).
        TRUSTED_DOCUMENTS: 'off',
        GATEWAY_CONTEXT_KEYS: testContextKeysPath(),
        OIDC_ISSUER: 'https://idp.graphiql.test',
        OIDC_JWKS_URL: 'https://idp.graphiql.test/jwks.json',
      }),
    ),
    silentLogger,
  );
});

afterAll(async () => {
  await dev?.stop();
  await production?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const assets = [...graphiqlScripts.map((file) => ({ file, type: 'text/javascript' })), { file: graphiqlStylesheet, type: 'text/css' }];

describe('dev mode', () => {
  test("GET /graphiql is a page that loads only the gateway's own assets and enables the headers editor", async () => {
    const response = await fetch(`${dev.url}/graphiql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html.match(/\bhttps?:\/\//g)).toBeNull();
    expect(html.match(/(?:src|href)="\/\//g)).toBeNull();
    for (const { file } of assets) expect(html).toContain(`"/graphiql/assets/${file}"`);
    expect(html).toContain('isHeadersEditorEnabled: true');
    expect(html).toContain('"/graphql"');
    expect(html).toContain("connect-src 'self'");
  });

  test.each(assets)('the asset $file is served from node_modules with its content type', async ({ file, type }) => {
    const response = await fetch(`${dev.url}/graphiql/assets/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
    expect((await response.text()).length).toBeGreaterThan(5000);
  });

  test('GET /graphql from a browser gets GraphiQL, a GraphQL GET still gets JSON', async () => {
    const page = await fetch(`${dev.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/graphiql/assets/graphiql.min.js');

    const query = await fetch(`${dev.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(query.status).toBe(200);
    expect(await query.json()).toEqual({ data: { __typename: 'Query' } });
  });

  test('introspection is allowed', async () => {
    const { body } = await postGraphQL(dev.url, '{ __schema { queryType { name } } }');
    expect(body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});

describe('production mode', () => {
  test('/graphiql and its assets are 404, and a browser on /graphql gets no page', async () => {
    expect((await fetch(`${production.url}/graphiql`)).status).toBe(404);
    expect((await fetch(`${production.url}/graphiql/assets/graphiql.min.js`)).status).toBe(404);
    const page = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
    expect(await page.text()).not.toContain('graphiql');
  });

  test('introspection is refused', async () => {
    const { body } = await postGraphQL(production.url, '{ __schema { queryType { name } } }');
    expect(body.data).toBeUndefined();
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});
