import { createHash } from 'node:crypto';

/**
 * The RFC 7638 thumbprint of an EC public key (SHA-256, base64url): what identifies a key
 * whatever `kid` it was given, so a copied development key is recognised under any name.
 */
export function jwkThumbprint(jwk: { crv: string; kty: string; x: string; y: string }): string {
  // RFC 7638: the required members only, in lexicographic order, no whitespace.
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash('sha256').update(canonical).digest('base64url');
}
