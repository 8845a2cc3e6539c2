import type { JWSHeaderParameters, KeyLike } from 'jose';

/** The header carrying the gateway's signed context on every gateway → subgraph fetch. */
export const gatewayContextHeader = 'x-passerelle-contexte';

/** `iss` of every context the gateway signs. */
export const gatewayContextIssuer = 'passerelle-gateway';

/** `typ` of the JWS header: no other token signed with the same key can pass for a context. */
export const gatewayContextType = 'passerelle-contexte+jwt';

/** The only algorithm a context is signed and checked with: ES256 (HS256, `none`, RS256… are refused). */
export const gatewayContextAlgorithm = 'ES256';

/** Where the gateway publishes its public context keys (a JWKS), on its own HTTP server. */
export const gatewayContextJwksPath = '/.well-known/passerelle-contexte-jwks.json';

/** GATEWAY_CONTEXT_TTL_S's default. */
export const defaultGatewayContextTtlS = 60;

/** One public key of the gateway's JWKS: EC P-256, with its `kid`; never a private member. */
export interface GatewayContextPublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid: string;
  alg: 'ES256';
  use: 'sig';
}

/** The gateway's public keys, as it publishes them and as subgraphs read them. */
export interface GatewayContextJwks {
  keys: GatewayContextPublicJwk[];
}

/** Finds the public key a context's protected header names (jose's `JWTVerifyGetKey` shape). */
export type GatewayContextKeyResolver = (protectedHeader: JWSHeaderParameters) => Promise<KeyLike>;

/** What checks the contexts of one subgraph: public keys only. */
export interface GatewayContextVerifier {
  /** The gateway's public keys (`gatewayContextKeyResolver`). */
  keys: GatewayContextKeyResolver;
  /** The subgraph's name in the supergraph (`caf`): a context signed for one subgraph is refused by the others. */
  audience: string;
  /** The oldest `iat` accepted, in seconds. @default 60 */
  ttlS?: number;
}
