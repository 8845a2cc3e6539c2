import type { KeyObject } from 'node:crypto';
import type { GatewayContextJwks } from '../security/gatewayContextKey';

/** One private key the gateway signs contexts with, and the `kid` its contexts name. */
export interface GatewayContextSigningKey {
  kid: string;
  privateKey: KeyObject;
}

/** The gateway's context keys (GATEWAY_CONTEXT_KEYS): the first signs; all are published. */
export interface GatewayContextKeys {
  signing: GatewayContextSigningKey;
  /** Public members only, current key first: what subgraphs are given. */
  publicJwks: GatewayContextJwks;
}
