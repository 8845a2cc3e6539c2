import type { GatewayContextJwks } from './gatewayContextKey';
import { jwkThumbprint } from './jwkThumbprint';

/**
 * The public half of the development context key (its private half is the gateway's default,
 * `dev-keys/gateway-context-keys.DEVELOPMENT-ONLY.json`): what a subgraph trusts when
 * GATEWAY_CONTEXT_JWKS is unset, without any network. For development only: anyone who has
 * read this repository can sign with it, so production mode refuses it on both sides.
 */
export const devGatewayContextJwks: GatewayContextJwks = {
  keys: [
    {
      kty: 'EC',
      crv: 'P-256',
      x: 'fFuHqvkDA-2dQydqggBxuo_Efpu25vLD07ro0pQjzaE',
      y: 'QBS9h1FrVd-SR6Q1bD3HLUQDTXhb4LGl11TNJfMmLaE',
      kid: 'passerelle-dev-only-context-key',
      alg: 'ES256',
      use: 'sig',
    },
  ],
};

/** The development key's `kid`. */
export const devGatewayContextKid = devGatewayContextJwks.keys[0]!.kid;

const devThumbprint = jwkThumbprint(devGatewayContextJwks.keys[0]!);

/** Whether a key is the development one: by its `kid` or, under any other `kid`, by its thumbprint. */
export function isDevGatewayContextKey(jwk: { kid?: unknown; kty?: unknown; crv?: unknown; x?: unknown; y?: unknown }): boolean {
  if (jwk.kid === devGatewayContextKid) return true;
  const { kty, crv, x, y } = jwk;
  return typeof kty === 'string' && typeof crv === 'string' && typeof x === 'string' && typeof y === 'string' && jwkThumbprint({ kty, crv, x, y }) === devThumbprint;
}
