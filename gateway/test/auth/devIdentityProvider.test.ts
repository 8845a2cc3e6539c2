import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '@passerelle/subgraph-kit';
import { createAuthenticator } from '../../src/auth/createAuthenticator';
import { startDevIdentityProvider, type DevIdentityProvider } from '../../src/auth/devIdentityProvider';
import { loadDevSigningKey } from '../../src/auth/loadDevSigningKey';
import { defaultIdentityConfig, refusalOf, unavailable } from '../support/authTesting';

let directory: string;
const running: DevIdentityProvider[] = [];

beforeEach(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), 'passerelle-idp-'));
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((idp) => idp.stop()));
  await rm(directory, { recursive: true, force: true });
});

async function start(keyFile = path.join(directory, 'nested', 'dir', 'dev-idp-key.json')): Promise<DevIdentityProvider> {
  const idp = await startDevIdentityProvider({ mode: 'dev', port: 0, keyFile });
  running.push(idp);
  return idp;
}

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

const referent = { sub: 'dev-referent-ref-001', roles: ['referent'], organisation: 'CD12', referent_id: 'ref-001' };

describe('the development identity provider', () => {
  it('creates its key file (mode 0600, directory made) and serves the public key only, with its kid', async () => {
    const keyFile = path.join(directory, 'nested', 'dir', 'dev-idp-key.json');
    const idp = await start(keyFile);
    expect(idp.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(idp.jwksUrl).toBe(`${idp.issuer}/jwks.json`);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(await readFile(keyFile, 'utf8')) as Record<string, string>;
    const { status, body } = await getJson(idp.jwksUrl);
    expect(status).toBe(200);
    expect(body).toEqual({ keys: [{ kty: 'EC', crv: 'P-256', x: stored.x, y: stored.y, kid: stored.kid, alg: 'ES256', use: 'sig' }] });
    expect(JSON.stringify(body)).not.toContain(stored.d);
  });

  it('publishes a discovery document naming its issuer and JWKS', async () => {
    const idp = await start();
    expect(await getJson(`${idp.issuer}/.well-known/openid-configuration`)).toEqual({
      status: 200,
      body: { issuer: idp.issuer, jwks_uri: idp.jwksUrl, id_token_signing_alg_values_supported: ['ES256'], subject_types_supported: ['public'], response_types_supported: [] },
    });
    expect(await getJson(`${idp.issuer}/token`)).toEqual({ status: 404, body: { error: 'not_found' } });
  });

  it('mints tokens the gateway’s authenticator verifies against its JWKS over real HTTP', async () => {
    const idp = await start();
    const authenticate = createAuthenticator({ ...defaultIdentityConfig, oidcIssuer: idp.issuer, oidcJwksUrl: idp.jwksUrl });
    const token = await idp.mint(referent, 600);
    await expect(authenticate(`Bearer ${token}`)).resolves.toEqual({
      subject: 'dev-referent-ref-001',
      kind: 'agent',
      roles: ['referent'],
      organisation: 'CD12',
      partenaire: null,
      referentId: 'ref-001',
      usagerId: null,
    });
  });

  it('keeps its key across restarts, so tokens minted before still verify', async () => {
    const keyFile = path.join(directory, 'dev-idp-key.json');
    const first = await start(keyFile);
    const token = await first.mint(referent, 600);
    const firstKeys = await getJson(first.jwksUrl);
    await first.stop();
    running.splice(running.indexOf(first), 1);
    const second = await start(keyFile);
    expect(await getJson(second.jwksUrl)).toEqual(firstKeys);
    const authenticate = createAuthenticator({ ...defaultIdentityConfig, oidcIssuer: first.issuer, oidcJwksUrl: second.jwksUrl });
    await expect(authenticate(`Bearer ${token}`)).resolves.toMatchObject({ referentId: 'ref-001' });
  });

  it('refuses to start in production mode, before creating any key', async () => {
    const keyFile = path.join(directory, 'dev-idp-key.json');
    const starting = startDevIdentityProvider({ mode: 'production', port: 0, keyFile });
    await expect(starting).rejects.toBeInstanceOf(ConfigError);
    await expect(starting).rejects.toMatchObject({
      problems: ['PASSERELLE_MODE: the development identity provider refuses to start in production mode; use the real identity provider (OIDC_ISSUER, OIDC_JWKS_URL)'],
    });
    await expect(stat(keyFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('the development key file', () => {
  it('created by several processes at once: they all end up with the same key', async () => {
    const keyFile = path.join(directory, 'dev-idp-key.json');
    const keys = await Promise.all([1, 2, 3, 4].map(() => loadDevSigningKey(keyFile)));
    expect(new Set(keys.map((key) => key.kid)).size).toBe(1);
    expect(new Set(keys.map((key) => JSON.stringify(key.publicJwk))).size).toBe(1);
  });

  it('a file that is not such a key is an error naming the file, not quoting it', async () => {
    const keyFile = path.join(directory, 'dev-idp-key.json');
    await writeFile(keyFile, '{"kty":"oct","k":"c2VjcmV0LXZhbHVl"}');
    const loading = loadDevSigningKey(keyFile);
    await expect(loading).rejects.toThrow(`${keyFile} is not an ES256 private key (JWK) of the development identity provider: delete it to create a new one`);
    await expect(loading).rejects.not.toThrow('c2VjcmV0LXZhbHVl');
  });
});

describe('a JWKS that cannot be fetched', () => {
  it('answering 500: AUTHENTIFICATION_INDISPONIBLE, not an invalid token', async () => {
    const idp = await start();
    const failing = http.createServer((_req, res) => res.writeHead(500).end());
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = failing.address() as AddressInfo;
      const authenticate = createAuthenticator({ ...defaultIdentityConfig, oidcIssuer: idp.issuer, oidcJwksUrl: `http://127.0.0.1:${port}/jwks.json` });
      expect(await refusalOf(authenticate(`Bearer ${await idp.mint(referent, 600)}`))).toEqual(unavailable);
    } finally {
      await new Promise((resolve) => failing.close(resolve));
    }
  });
});
