import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { devGatewayContextKeysPath } from '../src/contextKeys/devGatewayContextKeysPath';
import { generateGatewayContextKey } from '../src/contextKeys/generateGatewayContextKey';
import { readGatewayContextKeys } from '../src/contextKeys/readGatewayContextKeys';
import { signGatewayContext } from '../src/contextKeys/signGatewayContext';
import { ConfigError } from '../src/config/readConfig';
import { devGatewayContextJwks } from '../src/security/devGatewayContextJwks';
import { gatewayContextKeyResolver } from '../src/security/gatewayContextKeyResolver';
import { GatewayContextError, verifyGatewayContext } from '../src/security/verifyGatewayContext';
import { freshKey, replaceJson, tempDir } from './support/contextKeys';

const appel = { requestId: 'r-1', caller: null, finalite: null };
const dir = tempDir('context-keys');
const dev = readGatewayContextKeys(devGatewayContextKeysPath).signing;

/** The reason a context is refused, or 'accepted'. */
async function outcome(token: string, keys: ReturnType<typeof gatewayContextKeyResolver>): Promise<string> {
  return verifyGatewayContext(token, { keys, audience: 'caf' }).then(
    () => 'accepted',
    (error: unknown) => (error instanceof GatewayContextError ? error.reason : `unexpected ${String(error)}`),
  );
}
const signed = (key: ReturnType<typeof freshKey>['signing']) => signGatewayContext(appel, { key, audience: 'caf' });

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('a JWKS file (GATEWAY_CONTEXT_JWKS as a path)', () => {
  it('is read again after a rotation, without a restart: a new key is accepted, a removed one refused', async () => {
    const [a, b, c] = [freshKey(), freshKey(), freshKey()];
    const file = path.join(dir, 'rotation.json');
    replaceJson(file, { keys: [a.publicJwk] });
    const keys = gatewayContextKeyResolver(file);
    expect(await outcome(await signed(a.signing), keys)).toBe('accepted');
    expect(await outcome(await signed(b.signing), keys)).toBe('ERR_JWKS_NO_MATCHING_KEY');

    replaceJson(file, { keys: [b.publicJwk, a.publicJwk] });
    expect(await outcome(await signed(b.signing), keys)).toBe('accepted');
    expect(await outcome(await signed(a.signing), keys)).toBe('accepted');

    replaceJson(file, { keys: [b.publicJwk] });
    expect(await outcome(await signed(a.signing), keys)).toBe('ERR_JWKS_NO_MATCHING_KEY');

    // Rewritten in place (same inode, possibly the same size and time): an unknown kid makes it read again.
    writeFileSync(file, JSON.stringify({ keys: [c.publicJwk, b.publicJwk] }));
    expect(await outcome(await signed(c.signing), keys)).toBe('accepted');
  });

  it('keeps the keys read before when the file becomes unusable, and reports it once per problem', async () => {
    const a = freshKey();
    const file = path.join(dir, 'broken.json');
    replaceJson(file, { keys: [a.publicJwk] });
    const problems: string[] = [];
    const keys = gatewayContextKeyResolver(file, { onReloadProblem: (problem) => problems.push(problem) });
    expect(await outcome(await signed(a.signing), keys)).toBe('accepted');
    replaceJson(file, { keys: [generateGatewayContextKey()] });
    expect(await outcome(await signed(a.signing), keys)).toBe('accepted');
    expect(await outcome(await signed(a.signing), keys)).toBe('accepted');
    expect(problems).toEqual([`${file}: key 1 holds private key material (d): give subgraphs the public keys only (npm run context-keys -- --public <file>)`]);
    expect(problems.join()).not.toMatch(/"d"|"x"/);
  });

  it('in production, refuses the development key it holds (under any kid)', async () => {
    const file = path.join(dir, 'dev-renamed.json');
    replaceJson(file, { keys: [{ ...devGatewayContextJwks.keys[0]!, kid: 'renamed' }] });
    const token = await signGatewayContext(appel, { key: { ...dev, kid: 'renamed' }, audience: 'caf' });
    expect(await outcome(token, gatewayContextKeyResolver(file))).toBe('accepted');
    expect(await outcome(token, gatewayContextKeyResolver(file, { mode: 'production' }))).toBe('ERR_JWKS_UNAVAILABLE');
  });
});

describe('the embedded development keys (GATEWAY_CONTEXT_JWKS unset)', () => {
  it('accept the development key pair, and refuse to exist in production', async () => {
    expect(await outcome(await signed(dev), gatewayContextKeyResolver(''))).toBe('accepted');
    expect(problemsOf(() => gatewayContextKeyResolver('', { mode: 'production' }))).toEqual(['GATEWAY_CONTEXT_JWKS: the development keys embedded in the kit are refused in production']);
  });
});

describe('the gateway’s JWKS URL (GATEWAY_CONTEXT_JWKS as http(s))', () => {
  let served: unknown;
  let fetches = 0;
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      fetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(served));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/passerelle-contexte-jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('is fetched once and cached, and fetched again for an unknown kid (a rotation)', async () => {
    const [a, b] = [freshKey(), freshKey()];
    served = { keys: [a.publicJwk] };
    fetches = 0;
    const keys = gatewayContextKeyResolver(url, { remoteCooldownMs: 0 });
    expect(await outcome(await signed(a.signing), keys)).toBe('accepted');
    expect(await outcome(await signed(a.signing), keys)).toBe('accepted');
    expect(fetches).toBe(1);
    served = { keys: [b.publicJwk, a.publicJwk] };
    expect(await outcome(await signed(b.signing), keys)).toBe('accepted');
    expect(fetches).toBe(2);
    expect(await outcome(await signed(freshKey().signing), keys)).toBe('ERR_JWKS_NO_MATCHING_KEY');
  });

  it('refuses keys published with their private part, and in production the development key', async () => {
    const a = freshKey();
    served = { keys: [a.jwk] };
    expect(await outcome(await signed(a.signing), gatewayContextKeyResolver(url))).toBe('ERR_JWKS_INVALID');
    served = { keys: [{ ...devGatewayContextJwks.keys[0]!, kid: 'renamed' }] };
    const token = await signGatewayContext(appel, { key: { ...dev, kid: 'renamed' }, audience: 'caf' });
    expect(await outcome(token, gatewayContextKeyResolver(url))).toBe('accepted');
    expect(await outcome(token, gatewayContextKeyResolver(url, { mode: 'production' }))).toBe('ERR_DEV_KEY_REFUSED');
    expect(await outcome(await signed(dev), gatewayContextKeyResolver(url, { mode: 'production' }))).toBe('ERR_DEV_KEY_REFUSED');
  });
});

describe('readGatewayContextKeys (GATEWAY_CONTEXT_KEYS)', () => {
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const problems = (name: string, value: unknown) => {
    const file = write(name, typeof value === 'string' ? value : JSON.stringify(value));
    return { file, problems: problemsOf(() => readGatewayContextKeys(file)) };
  };

  it('reads the current key first and publishes every key’s public members only', () => {
    const [current, previous] = [generateGatewayContextKey(), generateGatewayContextKey()];
    const keys = readGatewayContextKeys(write('good.json', JSON.stringify({ keys: [current, previous] })));
    expect(keys.signing.kid).toBe(current.kid);
    expect(keys.publicJwks).toEqual({
      keys: [current, previous].map(({ kid, x, y }) => ({ kty: 'EC', crv: 'P-256', x, y, kid, alg: 'ES256', use: 'sig' })),
    });
    expect(JSON.stringify(keys.publicJwks)).not.toContain('"d"');
  });

  it('names the variable, the file and the problem, never quoting key material', () => {
    const key = generateGatewayContextKey();
    const other = generateGatewayContextKey();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey.export({ format: 'jwk' });
    const missing = path.join(dir, 'absent.json');
    expect(problemsOf(() => readGatewayContextKeys(missing))).toEqual([`GATEWAY_CONTEXT_KEYS: cannot read ${missing} (ENOENT)`]);
    const cases: Array<[string, unknown, string]> = [
      ['not-json.json', '{ keys: ', 'not JSON'],
      ['array.json', [key], 'expected a JSON object { "keys": [ ... ] }'],
      ['empty.json', { keys: [] }, 'expected at least one key in "keys"'],
      ['rsa.json', { keys: [{ ...rsa, kid: 'rsa' }] }, 'key 1: expected an EC P-256 private key (kty "EC", crv "P-256", x, y, d)'],
      ['p384.json', { keys: [{ ...p384, kid: 'p384' }] }, 'key 1: expected an EC P-256 private key (kty "EC", crv "P-256", x, y, d)'],
      ['public.json', { keys: [{ ...key, d: undefined }] }, 'key 1: expected an EC P-256 private key (kty "EC", crv "P-256", x, y, d); it has no d'],
      ['no-kid.json', { keys: [key, { ...other, kid: undefined }] }, 'key 2: missing kid'],
      ['duplicate.json', { keys: [key, { ...other, kid: key.kid }] }, `key 2: duplicate kid ${JSON.stringify(key.kid)}`],
      ['alg.json', { keys: [{ ...key, alg: 'HS256' }] }, `key 1 (kid ${JSON.stringify(key.kid)}): alg must be ES256`],
      ['mismatch.json', { keys: [{ ...key, d: other.d }] }, `key 1 (kid ${JSON.stringify(key.kid)}): d does not match x and y`],
    ];
    for (const [name, value, problem] of cases) {
      let result: { file: string; problems: string[] };
      try {
        result = problems(name, value);
      } catch (error) {
        throw new Error(`${name}: ${(error as Error).message}`);
      }
      expect(result.problems).toEqual([`GATEWAY_CONTEXT_KEYS: ${result.file}: ${problem}`]);
      expect(result.problems.join()).not.toContain(key.d);
    }
  });
});

describe('a subgraph holds no private key material', () => {
  it('the embedded development JWKS has public members only', () => {
    expect(devGatewayContextJwks.keys).toHaveLength(1);
    for (const key of devGatewayContextJwks.keys) expect(Object.keys(key).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
  });

  it('nothing a subgraph loads imports the signing side (src/contextKeys) or reads the development private key', () => {
    const src = path.resolve(__dirname, '../src');
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      // Code only (comments may explain where the private key lives): no path to it, no use of the signing side.
      const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      expect([file, /dev-keys|DEVELOPMENT-ONLY|readGatewayContextKeys|devGatewayContextKeysPath/.test(code)]).toEqual([file, false]);
      for (const [, target] of text.matchAll(/from '(\.[^']+)'/g)) {
        const base = path.resolve(path.dirname(file), target!);
        const resolved = [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => {
          try {
            readFileSync(candidate);
            return true;
          } catch {
            return false;
          }
        });
        if (resolved) visit(resolved);
      }
    };
    // What a subgraph imports: the kit's main entry (server, config, security) and its subpaths but context-keys.
    for (const entry of ['index.ts', 'security/index.ts', 'errors/index.ts', 'http/index.ts', 'identity/index.ts', 'audit/index.ts']) visit(path.join(src, entry));
    const loaded = [...seen].map((file) => path.relative(src, file));
    expect(loaded).toEqual(expect.arrayContaining(['server/createSubgraphServer.ts', 'security/verifyGatewayContext.ts', 'security/gatewayContextKeyResolver.ts', 'config/commonEnv.ts']));
    expect(loaded.filter((file) => file.startsWith('contextKeys'))).toEqual([]);
  });
});
