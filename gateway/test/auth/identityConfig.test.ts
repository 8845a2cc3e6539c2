import path from 'node:path';
import { ConfigError } from '@passerelle/subgraph-kit';
import { assertProductionIdentityConfig } from '../../src/auth/assertProductionIdentityConfig';
import { loadDevIdpConfig, loadGatewayConfig } from '../../src/config';
import { createServer } from '../../src/server';

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('identity configuration', () => {
  it('defaults to the development identity provider', () => {
    expect(loadGatewayConfig({})).toMatchObject({
      oidcIssuer: 'http://127.0.0.1:4300',
      oidcAudience: 'passerelle',
      oidcJwksUrl: 'http://127.0.0.1:4300/jwks.json',
      oidcAlgorithms: ['ES256', 'RS256', 'PS256', 'EdDSA'],
      oidcClockToleranceS: 30,
    });
    expect(loadDevIdpConfig({})).toEqual({ port: 4300, keyFile: path.resolve(__dirname, '../../../.passerelle/dev-idp-key.json') });
  });

  it('keeps OIDC_ISSUER exactly as given (a trailing slash is part of an issuer)', () => {
    expect(loadGatewayConfig({ OIDC_ISSUER: 'https://idp.example/realms/cd12/' }).oidcIssuer).toBe('https://idp.example/realms/cd12/');
  });

  it('reads a list of asymmetric algorithms, tolerating spaces and repeats', () => {
    expect(loadGatewayConfig({ OIDC_ALGORITHMS: ' ES384 , RS512,ES384,' }).oidcAlgorithms).toEqual(['ES384', 'RS512']);
  });

  const refusedAlgorithm = (names: string) => `OIDC_ALGORITHMS: ${names} refused: tokens must be signed with an asymmetric key (never \`none\` nor an HS* shared secret)`;
  it.each([
    ['none', refusedAlgorithm('none')],
    ['None', refusedAlgorithm('None')],
    ['HS256', refusedAlgorithm('HS256')],
    ['ES256,hs512,RS256', refusedAlgorithm('hs512')],
    ['ES256,none,HS384', refusedAlgorithm('none, HS384')],
    ['ES256,XY999', 'OIDC_ALGORITHMS: expected algorithms among ES256, ES384, ES512, RS256, RS384, RS512, PS256, PS384, PS512, EdDSA, comma-separated'],
    [',', 'OIDC_ALGORITHMS: expected algorithms among ES256, ES384, ES512, RS256, RS384, RS512, PS256, PS384, PS512, EdDSA, comma-separated'],
  ])('OIDC_ALGORITHMS=%p is refused', (value, problem) => {
    expect(problemsOf(() => loadGatewayConfig({ OIDC_ALGORITHMS: value }))).toEqual([problem]);
  });

  it('malformed URLs and tolerance are refused by name', () => {
    expect(problemsOf(() => loadGatewayConfig({ OIDC_ISSUER: 'idp.example', OIDC_JWKS_URL: 'ftp://idp.example/jwks', OIDC_CLOCK_TOLERANCE_S: '3600', DEV_IDP_PORT: 'x' }))).toEqual([
      'OIDC_ISSUER: expected an absolute http(s) URL',
      'OIDC_JWKS_URL: expected an absolute http(s) URL',
      'OIDC_CLOCK_TOLERANCE_S: expected an integer between 0 and 300',
    ]);
    expect(problemsOf(() => loadDevIdpConfig({ DEV_IDP_PORT: 'x' }))).toEqual(['DEV_IDP_PORT: expected an integer between 0 and 65535']);
  });
});

describe('assertProductionIdentityConfig', () => {
  const production = (env: NodeJS.ProcessEnv) => loadGatewayConfig({ PASSERELLE_MODE: 'production', ...env });
  const devIdp = (variable: string) => `${variable}: the development identity provider is refused in production; name the real identity provider (https)`;

  it('accepts the development identity provider in dev mode', () => {
    expect(() => assertProductionIdentityConfig(loadGatewayConfig({}))).not.toThrow();
  });

  it('refuses it in production, naming both variables', () => {
    expect(problemsOf(() => assertProductionIdentityConfig(production({})))).toEqual([devIdp('OIDC_ISSUER'), devIdp('OIDC_JWKS_URL')]);
  });

  it('refuses the development origin even on another path', () => {
    expect(problemsOf(() => assertProductionIdentityConfig(production({ OIDC_ISSUER: 'http://127.0.0.1:4300/realm', OIDC_JWKS_URL: 'https://idp.example/jwks' })))).toEqual([devIdp('OIDC_ISSUER')]);
  });

  it('refuses an identity provider not reached over https', () => {
    expect(problemsOf(() => assertProductionIdentityConfig(production({ OIDC_ISSUER: 'https://idp.example', OIDC_JWKS_URL: 'http://idp.example/jwks' })))).toEqual([
      'OIDC_JWKS_URL: must be an https URL in production',
    ]);
  });

  it('accepts a real identity provider over https', () => {
    expect(() => assertProductionIdentityConfig(production({ OIDC_ISSUER: 'https://idp.example', OIDC_JWKS_URL: 'https://idp.example/jwks' }))).not.toThrow();
  });

  it('stops the gateway from starting in production on the development identity provider', async () => {
    await expect(createServer(production({}))).rejects.toMatchObject({ name: 'ConfigError', problems: [devIdp('OIDC_ISSUER'), devIdp('OIDC_JWKS_URL')] });
  });
});
