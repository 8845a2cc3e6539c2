import { expect } from '@jest/globals';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { devGatewayContextKeysPath } from '@passerelle/subgraph-kit/context-keys';
import type { CliOutput } from '../src/cli/CliOutput';
import { runContextKeys } from '../src/cli/runContextKeys';

const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-context-keys-cli-'));

interface PrivateJwk {
  kid: string;
  kty: string;
  crv: string;
  x: string;
  y: string;
  d: string;
  alg: string;
  use: string;
}

function run(...args: string[]): { status: number; out: string; err: string } {
  let out = '';
  let err = '';
  const output: CliOutput = { stdout: (text) => void (out += text), stderr: (text) => void (err += text) };
  const status = runContextKeys(args, output);
  return { status, out, err };
}
const keysIn = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { keys: PrivateJwk[] }).keys;

describe('npm run context-keys -- --rotate <file>', () => {
  it('creates the file (mode 0600) with one new ES256 key, then keeps only the previous key after each new one', () => {
    const file = path.join(dir, 'new', 'keys.json');
    const first = run('--rotate', file);
    expect(first).toMatchObject({ status: 0, out: '' });
    const [k1] = keysIn(file);
    expect(keysIn(file)).toEqual([{ kid: expect.any(String), kty: 'EC', crv: 'P-256', x: expect.any(String), y: expect.any(String), d: expect.any(String), alg: 'ES256', use: 'sig' }]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.err).toContain(`${file}: signing key ${k1!.kid} (new file).`);

    expect(run('--rotate', file).status).toBe(0);
    const [k2, kept] = keysIn(file);
    expect(keysIn(file)).toHaveLength(2);
    expect(kept).toEqual(k1);
    expect(k2!.kid).not.toBe(k1!.kid);

    const third = run('--rotate', file);
    expect(keysIn(file).map((key) => key.kid)).toEqual([keysIn(file)[0]!.kid, k2!.kid]);
    expect(keysIn(file)[0]!.kid).not.toBe(k2!.kid);
    expect(third.err).toContain(`previous key ${k2!.kid} still published`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Never a private member on the terminal.
    expect(first.err + third.err).not.toContain(k1!.d);
  });

  it('leaves a file that is not context keys untouched, and refuses to rotate the development keys', () => {
    const file = path.join(dir, 'other.json');
    writeFileSync(file, '{"keys": [{"kty": "oct", "k": "c2VjcmV0"}]}');
    expect(run('--rotate', file)).toEqual({
      status: 2,
      out: '',
      err: `Invalid configuration:\n  - GATEWAY_CONTEXT_KEYS: ${file}: key 1: expected an EC P-256 private key (kty "EC", crv "P-256", x, y, d)\n`,
    });
    expect(readFileSync(file, 'utf8')).toBe('{"keys": [{"kty": "oct", "k": "c2VjcmV0"}]}');
    const before = readFileSync(devGatewayContextKeysPath, 'utf8');
    expect(run('--rotate', devGatewayContextKeysPath)).toEqual({
      status: 2,
      out: '',
      err: `Invalid configuration:\n  - GATEWAY_CONTEXT_KEYS: ${devGatewayContextKeysPath} holds the development keys committed in the kit; rotate the gateway's own key file instead\n`,
    });
    expect(readFileSync(devGatewayContextKeysPath, 'utf8')).toBe(before);
  });
});

describe('npm run context-keys -- --public <file>', () => {
  it('prints the public JWKS only, current key first', () => {
    const file = path.join(dir, 'public', 'keys.json');
    run('--rotate', file);
    run('--rotate', file);
    const { status, out, err } = run('--public', file);
    expect({ status, err }).toEqual({ status: 0, err: '' });
    expect(JSON.parse(out)).toEqual({ keys: keysIn(file).map(({ kid, x, y }) => ({ kty: 'EC', crv: 'P-256', x, y, kid, alg: 'ES256', use: 'sig' })) });
    for (const key of keysIn(file)) expect(out).not.toContain(key.d);
    expect(out).not.toMatch(/"d"/);
  });
});

describe('usage', () => {
  it.each([[[]], [['--rotate', 'a.json', '--public', 'a.json']], [['--rotate']], [['--bogus']]])('%j is bad usage (exit 2, usage on stderr)', (args) => {
    const { status, out, err } = run(...args);
    expect({ status, out }).toEqual({ status: 2, out: '' });
    expect(err).toContain('Usage: npm run context-keys -- --rotate <file>');
  });

  it('--help prints the usage', () => {
    expect(run('--help').out).toContain('Usage: npm run context-keys -- --rotate <file>');
  });
});
