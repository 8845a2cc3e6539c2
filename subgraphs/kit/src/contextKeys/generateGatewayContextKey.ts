import { generateKeyPairSync } from 'node:crypto';
import { jwkThumbprint } from '../security/jwkThumbprint';

/** A private context key as GATEWAY_CONTEXT_KEYS holds it. */
export interface GatewayContextPrivateJwk {
  kid: string;
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  d: string;
  alg: 'ES256';
  use: 'sig';
}

/** A new ES256 key pair as a private JWK; its `kid` is its RFC 7638 thumbprint, so it is new with every key. */
export function generateGatewayContextKey(): GatewayContextPrivateJwk {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { x, y, d } = privateKey.export({ format: 'jwk' });
  if (x === undefined || y === undefined || d === undefined) throw new Error('Node exported an EC key without x, y or d');
  return { kid: jwkThumbprint({ kty: 'EC', crv: 'P-256', x, y }), kty: 'EC', crv: 'P-256', x, y, d, alg: 'ES256', use: 'sig' };
}
