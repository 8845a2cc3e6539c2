import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../config/readConfig';
import { checkContextJwks } from '../security/parseGatewayContextJwks';
import type { GatewayContextKeys } from './GatewayContextSigningKey';

/**
 * Parses the gateway's private context keys, `{ "keys": [current, previous...] }` of EC P-256
 * private JWKs (see `checkContextJwks`), each `d` checked against its `x`/`y`. Throws an Error
 * saying what is wrong, never quoting key material.
 */
export function parseGatewayContextKeys(text: string): GatewayContextKeys {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('not JSON');
  }
  const checked = checkContextJwks(value, 'private');
  const keys = checked.map(({ publicJwk, d }, index) => {
    let privateKey;
    try {
      privateKey = createPrivateKey({ key: { kty: 'EC', crv: 'P-256', x: publicJwk.x, y: publicJwk.y, d: d! }, format: 'jwk' });
    } catch {
      throw new Error(`key ${index + 1} (kid ${JSON.stringify(publicJwk.kid)}): not a valid P-256 private key`);
    }
    // A `d` from one key pasted beside another key's x/y would sign contexts nobody can check
    // (Node keeps the x/y it is given): a signature made with d must verify with x/y.
    const probe = Buffer.from('passerelle-context-key-probe');
    const publicKey = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: publicJwk.x, y: publicJwk.y }, format: 'jwk' });
    if (!verify('sha256', probe, publicKey, sign('sha256', probe, privateKey))) throw new Error(`key ${index + 1} (kid ${JSON.stringify(publicJwk.kid)}): d does not match x and y`);
    return { kid: publicJwk.kid, privateKey, publicJwk };
  });
  return { signing: { kid: keys[0]!.kid, privateKey: keys[0]!.privateKey }, publicJwks: { keys: keys.map((key) => key.publicJwk) } };
}

/**
 * Reads the gateway's private context keys from `file` (GATEWAY_CONTEXT_KEYS). A file that
 * cannot be read or is not such keys is a ConfigError naming `variable`, the file and the problem.
 */
export function readGatewayContextKeys(file: string, variable = 'GATEWAY_CONTEXT_KEYS'): GatewayContextKeys {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([`${variable}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  try {
    return parseGatewayContextKeys(text);
  } catch (error) {
    throw new ConfigError([`${variable}: ${file}: ${(error as Error).message}`]);
  }
}
