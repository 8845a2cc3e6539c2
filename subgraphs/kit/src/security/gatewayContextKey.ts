import { createSecretKey, type KeyObject } from 'node:crypto';

/** The header carrying the gateway's signed context on every gateway → subgraph fetch. */
export const gatewayContextHeader = 'x-passerelle-contexte';

/** `iss` of every context the gateway signs. */
export const gatewayContextIssuer = 'passerelle-gateway';

/** `typ` of the JWS header: no other token signed with the same secret can pass for a context. */
export const gatewayContextType = 'passerelle-contexte+jwt';

/** GATEWAY_CONTEXT_SECRET's default: for development only, refused by a gateway in production mode. */
export const devGatewayContextSecret = 'passerelle-dev-only-gateway-context-secret';

/** Shortest GATEWAY_CONTEXT_SECRET accepted: 32 characters, 256 bits for HS256 at best. */
export const minGatewayContextSecretLength = 32;

/** GATEWAY_CONTEXT_TTL_S's default. */
export const defaultGatewayContextTtlS = 60;

/** What signs or checks the contexts of one subgraph. */
export interface GatewayContextKey {
  /** GATEWAY_CONTEXT_SECRET, shared by the gateway and every subgraph. */
  secret: string;
  /** The subgraph's name in the supergraph (`caf`): a context signed for one subgraph is refused by the others. */
  audience: string;
  /** The signer's lifetime of a context and, for a subgraph, the oldest `iat` it accepts, in seconds. @default 60 */
  ttlS?: number;
}

/** The HMAC key of a secret; a secret too short to be one is a programming error, not a refusal. */
export function hmacKeyOf(secret: string): KeyObject {
  if (secret.length < minGatewayContextSecretLength) {
    throw new RangeError(`The gateway context secret must have at least ${minGatewayContextSecretLength} characters.`);
  }
  // A KeyObject rather than a Uint8Array: jose checks the latter with instanceof, which fails across realms (Jest's vm contexts).
  return createSecretKey(Buffer.from(secret, 'utf8'));
}
