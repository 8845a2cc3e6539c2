import { link } from './testSubgraphs';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { silentLogger, type Logger } from '@passerelle/subgraph-kit';
import { createGraphQLHttpServer, type RunningHttpServer } from '@passerelle/subgraph-kit/http';
import { buildSchema, parse } from 'graphql';
import { loadGatewayConfig } from '../../src/config';
import { createServer, type RunningGateway } from '../../src/server';
import { buildPersistedOperationsManifest, serializeManifest } from '../../src/trustedDocuments';
import { testContextKeysPath } from './testContextKeys';
import { withTestJournal } from './tempJournalPath';

/**
 * The one partner of the hardening tests: `proches` nests without end (depth and cost bombs),
 * `Statut` is an enum (suggestions), `panne` fails with an error no registry knows, quoting a
 * URL, a NIR and SQL, as a careless legacy client would.
 */
export const dossiersTypeDefs = /* GraphQL */ `
  type Query {
    usager(id: ID!): Usager
    usagersParStatut(statut: Statut!): [Usager!]!
    panne: String
  }
  type Usager {
    id: ID!
    nom: String!
    statut: Statut!
    proches: [Usager!]!
  }
  enum Statut {
    OUVERT
    FERME
  }
`;

export const leakyFailure = 'ECONNREFUSED http://legacy.caf.internal:8080/api/v2/allocataires?nir=185057800608436 SELECT * FROM allocataires';

/** The persisted operations of the hardening tests, as front-end teams would write them. */
export const testOperations = {
  'Fiche.graphql': 'query Fiche($id: ID!) { usager(id: $id) { id nom } }',
  'Famille.graphql': 'query Famille($id: ID!) { usager(id: $id) { ...Personne proches { ...Personne } } }',
  'fragments.graphql': 'fragment Personne on Usager { id nom }',
} as const;

/**
 * Starts the partner (a plain Apollo Server: these tests are about the gateway, not about the
 * kit's subgraph factory), with stack traces in its answers, which the gateway must not relay.
 */
export async function startDossiersSubgraph(): Promise<RunningHttpServer> {
  const usager = (id: string) => ({ id, nom: `Nom de ${id}`, statut: 'OUVERT' });
  const apollo = new ApolloServer({
    typeDefs: dossiersTypeDefs,
    includeStacktraceInErrorResponses: true,
    resolvers: {
      Query: {
        usager: (_: unknown, { id }: { id: string }) => usager(id),
        usagersParStatut: () => [],
        panne: () => {
          throw new Error(leakyFailure);
        },
      },
      Usager: { proches: ({ id }: { id: string }) => [usager(`${id}-p`)] },
    },
  });
  await apollo.start();
  return createGraphQLHttpServer({ apollo, port: 0, host: '127.0.0.1', context: () => Promise.resolve({}) });
}

/** Writes, in `dir`, the supergraph over the partner and the manifest built from `testOperations`. */
export function writeGatewayFiles(dir: string): { supergraphPath: string; manifestPath: string; operationsDir: string } {
  mkdirSync(dir, { recursive: true });
  const composed = composeServices([
    {
      name: 'dossiers',
      typeDefs: parse(`${link('dossiers')}\n${dossiersTypeDefs}`),
      url: 'http://127.0.0.1:9/graphql',
    },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join('\n'));
  const supergraphPath = path.join(dir, 'supergraph.graphql');
  writeFileSync(supergraphPath, composed.supergraphSdl);

  const operationsDir = path.join(dir, 'operations');
  mkdirSync(operationsDir, { recursive: true });
  for (const [file, text] of Object.entries(testOperations)) writeFileSync(path.join(operationsDir, file), text);
  const { manifest, problems } = buildPersistedOperationsManifest(operationsDir, buildSchema(dossiersTypeDefs));
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const manifestPath = path.join(dir, 'persisted-operations.json');
  writeFileSync(manifestPath, serializeManifest(manifest));
  return { supergraphPath, manifestPath, operationsDir };
}

/**
 * What a gateway of these tests needs besides its files: port 0, and the secrets production
 * mode insists on (unknown variables are ignored while a feature is not there yet), with the
 * audit journal in `dir`.
 */
export function hardenedGatewayEnv(dir: string): NodeJS.ProcessEnv {
  return {
    GATEWAY_PORT: '0',
    GATEWAY_CONTEXT_KEYS: testContextKeysPath(),
    AUDIT_SEAL_KEY: 'hardening-test-audit-seal-key-0123456789abcdef',
    AUDIT_JOURNAL_PATH: path.join(dir, 'audit', 'journal.jsonl'),
    // Never fetched: these tests send no token.
    OIDC_ISSUER: 'https://idp.hardening.test',
    OIDC_JWKS_URL: 'https://idp.hardening.test/jwks',
  };
}

/** Starts a gateway over the partner on port 0, its files in `dir`, `env` on top of `hardenedGatewayEnv`. */
export async function startHardenedGateway(dir: string, subgraph: RunningHttpServer, env: NodeJS.ProcessEnv, logger: Logger = silentLogger): Promise<RunningGateway> {
  const { supergraphPath, manifestPath } = writeGatewayFiles(dir);
  const config = loadGatewayConfig(
    withTestJournal({
      ...hardenedGatewayEnv(dir),
      SUPERGRAPH_PATH: supergraphPath,
      SUBGRAPH_URLS: `dossiers=${subgraph.url}/graphql`,
      PERSISTED_OPERATIONS_PATH: manifestPath,
      ...env,
    }),
  );
  return createServer(config, logger);
}

export interface RawAnswer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }> };
  text: string;
}

/** POSTs any JSON payload (an operation, an array, a persisted operation's hash) to `/graphql`. */
export async function postJson(baseUrl: string, payload: unknown, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as RawAnswer['body'], text };
}
