import { ConfigError } from '@passerelle/subgraph-kit';
import { readGatewayContextKeys, signGatewayContext } from '@passerelle/subgraph-kit/context-keys';
import { isDevGatewayContextKey, type AppelPasserelle, type GatewayContextJwks } from '@passerelle/subgraph-kit/security';
import type { GatewayConfig } from '../config';

/** Signs the context of each gateway → subgraph fetch, and tells subgraphs which keys to trust. */
export interface ContextSigner {
  /** A context for `audience` (the subgraph's name) only, with the current key, for GATEWAY_CONTEXT_TTL_S. */
  sign(appel: AppelPasserelle, audience: string): Promise<string>;
  /** The public members of every key in GATEWAY_CONTEXT_KEYS, current first: contexts signed just before a roll-over stay verifiable. */
  publicJwks(): GatewayContextJwks;
}

/**
 * Reads GATEWAY_CONTEXT_KEYS once (a rotation takes a restart) and signs with its first key.
 * Throws a ConfigError naming the variable for a file that cannot be read or is not such keys,
 * and, in production mode, for one holding the development key pair (under any kid): anyone who
 * has read this repository could sign contexts every subgraph accepts.
 */
export function createContextSigner(config: Pick<GatewayConfig, 'mode' | 'gatewayContextKeys' | 'gatewayContextTtlS'>): ContextSigner {
  const keys = readGatewayContextKeys(config.gatewayContextKeys, 'GATEWAY_CONTEXT_KEYS');
  if (config.mode === 'production' && keys.publicJwks.keys.some(isDevGatewayContextKey)) {
    throw new ConfigError(["GATEWAY_CONTEXT_KEYS: the development keys are refused in production; create the gateway's own with npm run context-keys -- --rotate <file>"]);
  }
  const publicJwks: GatewayContextJwks = { keys: keys.publicJwks.keys.map((key) => ({ ...key })) };
  return {
    sign: (appel, audience) => signGatewayContext(appel, { key: keys.signing, audience, ttlS: config.gatewayContextTtlS }),
    publicJwks: () => ({ keys: publicJwks.keys.map((key) => ({ ...key })) }),
  };
}
