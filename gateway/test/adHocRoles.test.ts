import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunningHttpServer } from '@passerelle/subgraph-kit/http';
import type { Finalite, Role } from '@passerelle/subgraph-kit/security';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import type { RunningGateway } from '../src/server';
import { postJson, startDossiersSubgraph, startHardenedGateway } from './support/hardenedGateway';

// Real gateways in dev mode (so that an http identity provider is accepted) with the trusted
// documents of production, and an identity provider of the test's own: its JWKS on port 0.

let dir: string;
let subgraph: RunningHttpServer;
let identityProvider: http.Server;
let issuer: string;
let signingKey: KeyLike;
/** TRUSTED_DOCUMENTS=allow-ad-hoc-for-roles, TRUSTED_DOCUMENTS_AD_HOC_ROLES on its default (analyste). */
let productionLike: RunningGateway;
let referentsToo: RunningGateway;
let persistedOnly: RunningGateway;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'passerelle-ad-hoc-'));
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  signingKey = privateKey;
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'test', alg: 'ES256', use: 'sig' }] });
  identityProvider = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
  await new Promise<void>((resolve) => identityProvider.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(identityProvider.address() as AddressInfo).port}`;

  subgraph = await startDossiersSubgraph();
  const env = (name: string, extra: NodeJS.ProcessEnv) =>
    startHardenedGateway(path.join(dir, name), subgraph, { PASSERELLE_MODE: 'dev', OIDC_ISSUER: issuer, OIDC_JWKS_URL: `${issuer}/jwks.json`, ...extra });
  [productionLike, referentsToo, persistedOnly] = await Promise.all([
    env('production-like', { TRUSTED_DOCUMENTS: 'allow-ad-hoc-for-roles' }),
    env('referents-too', { TRUSTED_DOCUMENTS: 'allow-ad-hoc-for-roles', TRUSTED_DOCUMENTS_AD_HOC_ROLES: 'analyste,referent' }),
    env('persisted-only', { TRUSTED_DOCUMENTS: 'persisted-only' }),
  ]);
});

afterAll(async () => {
  await Promise.all([productionLike?.stop(), referentsToo?.stop(), persistedOnly?.stop(), subgraph?.stop()]);
  await new Promise((resolve) => identityProvider?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** The headers of a caller with these roles, declaring this purpose (none: `null`). */
async function as(roles: Role[], finalite: Finalite | null): Promise<Record<string, string>> {
  const claims = {
    roles,
    organisation: 'CD12',
    ...(roles.includes('agent') ? { partenaire: 'dossiers' } : {}),
    ...(roles.includes('referent') ? { referent_id: 'ref-001' } : {}),
  };
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: 'test' })
    .setSubject('agent-42')
    .setIssuer(issuer)
    .setAudience('passerelle')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(signingKey);
  return { authorization: `Bearer ${token}`, ...(finalite ? { 'x-passerelle-finalite': finalite } : {}) };
}

const adHoc = { query: 'query AdHoc { __typename }' };
const ran = { data: { __typename: 'Query' } };
const refused = {
  errors: [{ message: 'Only persisted operations run here: send extensions.persistedQuery.sha256Hash.', extensions: { code: 'OPERATION_NON_PERSISTEE', retryable: false } }],
};

describe('allow-ad-hoc-for-roles, for `analyste` (the production defaults)', () => {
  test('an analyst declaring the `statistique` purpose may send an ad-hoc document', async () => {
    const { status, body } = await postJson(productionLike.url, adHoc, await as(['analyste'], 'statistique'));
    expect(status).toBe(200);
    expect(body).toEqual(ran);
  });

  test.each([
    ['a référent (accompagnement)', ['referent'], 'accompagnement'],
    ['a reception agent (premier-accueil)', ['accueil'], 'premier-accueil'],
    ['an agent who is also an analyst, under `instruction`: the analyst role is not active', ['agent', 'analyste'], 'instruction'],
  ] as Array<[string, Role[], Finalite]>)('%s may not', async (_who, roles, finalite) => {
    const { status, body } = await postJson(productionLike.url, adHoc, await as(roles, finalite));
    expect(status).toBe(400);
    expect(body).toEqual(refused);
  });

  test('an analyst who declares no purpose is refused for that', async () => {
    const { status, body } = await postJson(productionLike.url, adHoc, await as(['analyste'], null));
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['FINALITE_MANQUANTE']);
  });

  test('a request without a token may not', async () => {
    const { status, body } = await postJson(productionLike.url, adHoc);
    expect(status).toBe(400);
    expect(body).toEqual(refused);
  });

  test('the agent who is also an analyst may, under `statistique`', async () => {
    expect((await postJson(productionLike.url, adHoc, await as(['agent', 'analyste'], 'statistique'))).body).toEqual(ran);
  });
});

test('TRUSTED_DOCUMENTS_AD_HOC_ROLES=analyste,referent lets a référent send ad-hoc documents too', async () => {
  expect((await postJson(referentsToo.url, adHoc, await as(['referent'], 'accompagnement'))).body).toEqual(ran);
  expect((await postJson(referentsToo.url, adHoc, await as(['accueil'], 'premier-accueil'))).body).toEqual(refused);
});

test('persisted-only refuses ad-hoc documents to every caller, analysts included', async () => {
  const { status, body } = await postJson(persistedOnly.url, adHoc, await as(['analyste'], 'statistique'));
  expect(status).toBe(400);
  expect(body).toEqual(refused);
});
