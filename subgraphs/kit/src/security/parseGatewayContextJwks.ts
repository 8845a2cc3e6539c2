import { createPublicKey } from 'node:crypto';
import type { GatewayContextJwks, GatewayContextPublicJwk } from './gatewayContextKey';

/** More keys than this is a mistake, not a rotation (the gateway publishes its current and previous keys). */
const maxKeys = 10;

type JsonObject = Record<string, unknown>;

/** An EC P-256 JWK with a kid, checked member by member; `d` is the private part, when there is one. */
export interface CheckedJwk {
  publicJwk: GatewayContextPublicJwk;
  d: string | undefined;
}

/**
 * Checks a JWKS `{ "keys": [...] }` of EC P-256 keys for contexts: each has a `kid` (no two the
 * same), `alg` ES256 and `use` sig when given, a point on the curve; `private` says whether each
 * must hold `d` or must not. Throws an Error whose message says what is wrong and where (a key's
 * position and kid), never quoting key material.
 */
export function checkContextJwks(value: unknown, kind: 'public' | 'private'): CheckedJwk[] {
  const keys = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject).keys : undefined;
  if (!Array.isArray(keys)) throw new Error('expected a JSON object { "keys": [ ... ] }');
  if (keys.length === 0) throw new Error('expected at least one key in "keys"');
  if (keys.length > maxKeys) throw new Error(`expected at most ${maxKeys} keys, found ${keys.length}`);
  const kids = new Set<string>();
  return keys.map((key: unknown, index) => {
    const where = `key ${index + 1}`;
    if (typeof key !== 'object' || key === null || Array.isArray(key)) throw new Error(`${where}: expected a JWK object`);
    const jwk = key as JsonObject;
    const expected = kind === 'private' ? 'an EC P-256 private key (kty "EC", crv "P-256", x, y, d)' : 'an EC P-256 public key (kty "EC", crv "P-256", x, y)';
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.x !== 'string' || typeof jwk.y !== 'string') throw new Error(`${where}: expected ${expected}`);
    if (kind === 'private' && typeof jwk.d !== 'string') throw new Error(`${where}: expected ${expected}; it has no d`);
    if (kind === 'public' && jwk.d !== undefined) {
      throw new Error(`${where} holds private key material (d): give subgraphs the public keys only (npm run context-keys -- --public <file>)`);
    }
    if (typeof jwk.kid !== 'string' || jwk.kid === '') throw new Error(`${where}: missing kid`);
    if (jwk.kid.length > 200 || !/^[\x21-\x7e]+$/.test(jwk.kid)) throw new Error(`${where}: kid must be 1 to 200 printable characters without spaces`);
    if (kids.has(jwk.kid)) throw new Error(`${where}: duplicate kid ${JSON.stringify(jwk.kid)}`);
    kids.add(jwk.kid);
    if (jwk.alg !== undefined && jwk.alg !== 'ES256') throw new Error(`${where} (kid ${JSON.stringify(jwk.kid)}): alg must be ES256`);
    if (jwk.use !== undefined && jwk.use !== 'sig') throw new Error(`${where} (kid ${JSON.stringify(jwk.kid)}): use must be sig`);
    try {
      // Node refuses a point that is not on the curve.
      createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, format: 'jwk' });
    } catch {
      throw new Error(`${where} (kid ${JSON.stringify(jwk.kid)}): not a valid P-256 key`);
    }
    return { publicJwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, kid: jwk.kid, alg: 'ES256', use: 'sig' }, d: typeof jwk.d === 'string' ? jwk.d : undefined };
  });
}

/** Parses the text of a public JWKS of the gateway's context keys (see checkContextJwks); throws an Error saying what is wrong. */
export function parseGatewayContextJwks(text: string): GatewayContextJwks {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('not JSON');
  }
  return { keys: checkContextJwks(value, 'public').map((key) => key.publicJwk) };
}
