import { expect } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createSubgraphServer,
  defaultGatewayContextTtlS,
  devGatewayContextKid,
  loadTypeDefs,
  silentLogger,
  type Caller,
  type RunningSubgraphServer,
  type SubgraphRequestContext,
} from '@passerelle/subgraph-kit';
import { postGraphQL } from '../src/testing/postGraphQL';
import { queryEntities } from '../src/testing/queryEntities';

/** A subgraph on the defaults (the development context keys embedded in the kit) that tells what context it received. */
const sdl = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { appel: String! }
  type Usager @key(fields: "id") { id: ID! appel: String! }
`;
const echo = (context: SubgraphRequestContext) => JSON.stringify(context.appel);
let subgraph: RunningSubgraphServer;

beforeAll(async () => {
  // Through a file, as every subgraph reads its SDL: this package does not depend on graphql itself.
  const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-mocks-'));
  writeFileSync(path.join(dir, 'schema.graphql'), sdl);
  const typeDefs = loadTypeDefs(path.join(dir, 'schema.graphql'));
  rmSync(dir, { recursive: true, force: true });
  subgraph = await createSubgraphServer<SubgraphRequestContext>({
    name: 'essai',
    typeDefs,
    resolvers: {
      Query: { appel: (_: unknown, __: unknown, context: SubgraphRequestContext) => echo(context) },
      Usager: { __resolveReference: (usager: { id: string }) => usager, appel: (_: unknown, __: unknown, context: SubgraphRequestContext) => echo(context) },
    },
    port: 0,
    host: '127.0.0.1',
    logger: silentLogger,
    gatewayContext: { jwks: '', ttlS: defaultGatewayContextTtlS, mode: 'dev' },
    createContext: (base) => base,
  });
});
afterAll(() => subgraph?.stop());

const receivedBy = async (answer: Promise<{ data?: { appel: string } | null }>) => JSON.parse((await answer).data!.appel) as unknown;

describe('the helpers every subgraph test posts with', () => {
  it('sign an anonymous context for the subgraph by default, with a fresh request id', async () => {
    const first = await receivedBy(postGraphQL<{ appel: string }>(subgraph, '{ appel }'));
    expect(first).toEqual({ requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), caller: null, finalite: null });
    expect(await receivedBy(postGraphQL<{ appel: string }>(subgraph, '{ appel }'))).not.toEqual(first);
  });

  it('sign the caller, purpose and request id a test gives', async () => {
    const caller: Caller = { subject: 'usager-1', kind: 'usager', roles: ['usager'], organisation: 'usager', partenaire: null, referentId: null, usagerId: 'u-opaque' };
    const appel = { requestId: 'test-1', caller, finalite: 'information' as const };
    expect(await receivedBy(postGraphQL<{ appel: string }>(subgraph, '{ appel }', {}, { appel }))).toEqual(appel);
    const entities = await queryEntities<{ appel: string }>(subgraph, [{ id: 'u-1' }], 'appel', 'Usager', { appel });
    expect(JSON.parse(entities.data!._entities[0]!.appel)).toEqual(appel);
  });

  it('send no context when told (appel: null), or one signed with another key: the subgraph refuses both', async () => {
    expect(await postGraphQL(subgraph, '{ appel }', {}, { appel: null })).toEqual({
      errors: [{ message: 'This subgraph answers only the Passerelle gateway.', extensions: { code: 'CONTEXTE_PASSERELLE_ABSENT', retryable: false } }],
    });
    // Another key under the development key's kid: only the signature tells them apart.
    const impostor = { kid: devGatewayContextKid, privateKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey };
    expect(await postGraphQL(subgraph, '{ appel }', {}, { key: impostor })).toEqual({
      errors: [{ message: 'The gateway context is invalid or has expired.', extensions: { code: 'CONTEXTE_PASSERELLE_INVALIDE', retryable: false } }],
    });
  });
});
