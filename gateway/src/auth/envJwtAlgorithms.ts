import type { EnvParser } from '@passerelle/subgraph-kit';

/** Asymmetric JWS algorithms an access token may be signed with: the IdP signs, the gateway only holds public keys. */
export const asymmetricJwtAlgorithms = ['ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'EdDSA'] as const;
export type JwtAlgorithm = (typeof asymmetricJwtAlgorithms)[number];

/** OIDC_ALGORITHMS' default. */
export const defaultJwtAlgorithms: readonly JwtAlgorithm[] = ['ES256', 'RS256', 'PS256', 'EdDSA'];

/**
 * Parses `alg,alg` (blank entries ignored) into an allow-list of asymmetric algorithms. `none`
 * (an unsigned token) and every HS* (a shared secret: whoever verifies could also sign) are
 * refused by name, whatever their case, even when configured on purpose.
 */
export const envJwtAlgorithms: EnvParser<readonly JwtAlgorithm[]> = (raw) => {
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const forbidden = names.filter((name) => name.toLowerCase() === 'none' || /^hs\d*$/i.test(name));
  if (forbidden.length > 0) {
    throw new Error(`${forbidden.join(', ')} refused: tokens must be signed with an asymmetric key (never \`none\` nor an HS* shared secret)`);
  }
  const unknown = names.filter((name) => !(asymmetricJwtAlgorithms as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) throw new Error(`expected algorithms among ${asymmetricJwtAlgorithms.join(', ')}, comma-separated`);
  return [...new Set(names)] as JwtAlgorithm[];
};
