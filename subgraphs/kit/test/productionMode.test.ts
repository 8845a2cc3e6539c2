import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { gatewayContextEnv, legacyEnv, serverEnv, usagerIdSecretEnv } from '../src/config/commonEnv';
import { ConfigError, defineEnv, readConfig } from '../src/config/readConfig';
import { envEnum } from '../src/config/envParsers';
import { devGatewayContextJwks } from '../src/security/devGatewayContextJwks';
import { gatewayContextOptionsOf } from '../src/server/gatewayContextOptionsOf';
import { freshKey, replaceJson, tempDir } from './support/contextKeys';

/** A subgraph's spec, as each subgraph's config.ts composes it from the kit's pieces. */
const subgraphEnv = {
  ...serverEnv('CAF', 4002),
  ...legacyEnv('CAF', 'http://127.0.0.1:4100/caf', 'dev-caf-5e21a9'),
  ...usagerIdSecretEnv(),
  ...gatewayContextEnv(),
};
const dir = tempDir('production-mode');
const gatewayJwks = path.join(dir, 'gateway-jwks.json');
replaceJson(gatewayJwks, { keys: [freshKey().publicJwk, freshKey().publicJwk] });
const productionSecrets = { CAF_LEGACY_API_KEY: 'the-real-caf-api-key', USAGER_ID_SECRET: 'a-production-usager-id-secret', GATEWAY_CONTEXT_JWKS: gatewayJwks };

function problemsOf(env: NodeJS.ProcessEnv, spec: Parameters<typeof readConfig>[0] = subgraphEnv): string[] {
  try {
    readConfig(spec, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('a subgraph in production mode (PASSERELLE_MODE=production)', () => {
  it('refuses to start on the development defaults, naming each variable', () => {
    expect(problemsOf({ PASSERELLE_MODE: 'production' })).toEqual([
      "CAF_LEGACY_API_KEY: the development default is refused in production; set the partner's API key",
      'USAGER_ID_SECRET: the development default is refused in production; set a secret of at least 16 random characters, the same for every process that reads it',
      "GATEWAY_CONTEXT_JWKS: the development keys embedded in the kit are refused in production; set the URL of the gateway's /.well-known/passerelle-contexte-jwks.json (https) or a file holding its public keys",
    ]);
  });

  it('refuses each development default alone', () => {
    expect(problemsOf({ PASSERELLE_MODE: 'production', ...productionSecrets, CAF_LEGACY_API_KEY: '' })).toEqual([
      "CAF_LEGACY_API_KEY: the development default is refused in production; set the partner's API key",
    ]);
    expect(problemsOf({ PASSERELLE_MODE: 'production', ...productionSecrets, USAGER_ID_SECRET: 'passerelle-dev-only-usager-id-secret' })).toEqual([
      'USAGER_ID_SECRET: the development default is refused in production; set a secret of at least 16 random characters, the same for every process that reads it',
    ]);
  });

  it('refuses a JWKS file holding the development key, under any kid, and a JWKS fetched over http', () => {
    const withDev = path.join(dir, 'with-dev.json');
    replaceJson(withDev, { keys: [freshKey().publicJwk, { ...devGatewayContextJwks.keys[0]!, kid: 'looks-like-a-real-one' }] });
    expect(problemsOf({ PASSERELLE_MODE: 'production', ...productionSecrets, GATEWAY_CONTEXT_JWKS: withDev })).toEqual([
      `GATEWAY_CONTEXT_JWKS: ${withDev} holds the development key, refused in production; publish the gateway's own keys (npm run context-keys -- --public <file>)`,
    ]);
    expect(problemsOf({ PASSERELLE_MODE: 'production', ...productionSecrets, GATEWAY_CONTEXT_JWKS: 'http://gateway.internal/.well-known/passerelle-contexte-jwks.json' })).toEqual([
      'GATEWAY_CONTEXT_JWKS: must be an https URL in production (keys fetched in clear could be swapped)',
    ]);
  });

  it('starts on its own keys and secrets, and gives createSubgraphServer what it needs', () => {
    const config = readConfig(subgraphEnv, { PASSERELLE_MODE: 'production', ...productionSecrets });
    expect(gatewayContextOptionsOf(config)).toEqual({ jwks: gatewayJwks, ttlS: 60, mode: 'production' });
    const remote = readConfig(subgraphEnv, { PASSERELLE_MODE: 'production', ...productionSecrets, GATEWAY_CONTEXT_JWKS: 'https://gateway.internal/.well-known/passerelle-contexte-jwks.json' });
    expect(gatewayContextOptionsOf(remote).jwks).toBe('https://gateway.internal/.well-known/passerelle-contexte-jwks.json');
  });

  it('in dev mode, runs on the defaults', () => {
    const config = readConfig(subgraphEnv, {});
    expect(gatewayContextOptionsOf(config)).toEqual({ jwks: '', ttlS: 60, mode: 'dev' });
    expect(config.legacyApiKey).toBe('dev-caf-5e21a9');
  });

  it('applies only to a spec whose PASSERELLE_MODE is the kit’s (a spec with its own mode variable decides for itself)', () => {
    const ownMode = { mode: defineEnv('PASSERELLE_MODE', 'dev' as const, envEnum('dev', 'production'), 'its own'), ...legacyEnv('CAF', 'http://127.0.0.1:4100/caf', 'dev-caf-5e21a9') };
    expect(problemsOf({ PASSERELLE_MODE: 'production' }, ownMode)).toEqual([]);
  });
});

describe('GATEWAY_CONTEXT_JWKS', () => {
  it('is read as an http(s) URL or a file of public keys, checked at start', () => {
    const missing = path.join(dir, 'absent.json');
    const privateFile = path.join(dir, 'private.json');
    replaceJson(privateFile, { keys: [freshKey().jwk] });
    const notJson = path.join(dir, 'not-json.json');
    writeFileSync(notJson, 'keys:');
    expect(problemsOf({ GATEWAY_CONTEXT_JWKS: 'ftp://gateway/jwks.json', GATEWAY_CONTEXT_TTL_S: '3600', PASSERELLE_MODE: 'prod' })).toEqual([
      'PASSERELLE_MODE: expected one of dev, production',
      'GATEWAY_CONTEXT_JWKS: expected an http(s) URL or a file path',
      'GATEWAY_CONTEXT_TTL_S: expected an integer between 1 and 300',
    ]);
    expect(problemsOf({ GATEWAY_CONTEXT_JWKS: missing })).toEqual([`GATEWAY_CONTEXT_JWKS: cannot read ${missing} (ENOENT)`]);
    expect(problemsOf({ GATEWAY_CONTEXT_JWKS: notJson })).toEqual([`GATEWAY_CONTEXT_JWKS: ${notJson}: not JSON`]);
    expect(problemsOf({ GATEWAY_CONTEXT_JWKS: privateFile })).toEqual([
      `GATEWAY_CONTEXT_JWKS: ${privateFile}: key 1 holds private key material (d): give subgraphs the public keys only (npm run context-keys -- --public <file>)`,
    ]);
  });

  it('resolves a relative file path from the working directory', () => {
    const relative = path.relative(process.cwd(), gatewayJwks);
    expect(readConfig(subgraphEnv, { GATEWAY_CONTEXT_JWKS: relative }).gatewayContextJwks).toBe(gatewayJwks);
  });
});
