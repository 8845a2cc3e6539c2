import type { PasserelleMode } from '../config/passerelleMode';

/** What `createSubgraphServer` needs to check the gateway's contexts (`gatewayContextOptionsOf`). */
export interface GatewayContextOptions {
  /** GATEWAY_CONTEXT_JWKS: an http(s) URL, a file, or `''` for the embedded development keys. */
  jwks: string;
  /** GATEWAY_CONTEXT_TTL_S: the oldest context accepted, in seconds. */
  ttlS: number;
  /** PASSERELLE_MODE: in production the development key is refused whatever the source. */
  mode: PasserelleMode;
}

/**
 * `createSubgraphServer`'s `gatewayContext`, from the fields `gatewayContextEnv()` adds to a
 * subgraph's configuration: each subgraph's server passes `gatewayContextOptionsOf(config)`.
 */
export function gatewayContextOptionsOf(config: { readonly mode: PasserelleMode; readonly gatewayContextJwks: string; readonly gatewayContextTtlS: number }): GatewayContextOptions {
  return { jwks: config.gatewayContextJwks, ttlS: config.gatewayContextTtlS, mode: config.mode };
}
