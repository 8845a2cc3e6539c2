import { SignJWT, type JWTPayload } from 'jose';
import type { DevSigningKey } from './loadDevSigningKey';

/** What a development token is signed for. */
export interface DevTokenOptions {
  issuer: string;
  audience: string;
  /** Lifetime in seconds, from now. */
  ttlSeconds: number;
}

/**
 * Signs an access token with the development key (ES256, `kid` in the header): the given claims,
 * then `iss`, `aud`, `iat` and `exp`, which the claims cannot override. Does not check the claims:
 * tests mint incomplete ones on purpose; `npm run token` checks its arguments first.
 */
export async function signDevToken(key: DevSigningKey, claims: JWTPayload, options: DevTokenOptions): Promise<string> {
  if (!Number.isInteger(options.ttlSeconds) || options.ttlSeconds < 1) throw new RangeError('ttlSeconds must be a positive integer');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + options.ttlSeconds)
    .sign(key.privateKey);
}
