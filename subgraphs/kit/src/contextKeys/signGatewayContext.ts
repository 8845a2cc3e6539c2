import { SignJWT } from 'jose';
import { appelPasserelleSchema, type AppelPasserelle } from '../security/appelPasserelle';
import { defaultGatewayContextTtlS, gatewayContextAlgorithm, gatewayContextIssuer, gatewayContextType } from '../security/gatewayContextKey';
import type { GatewayContextSigningKey } from './GatewayContextSigningKey';

/** How one context is signed: with which key, for which subgraph, for how long. */
export interface GatewayContextSigning {
  key: GatewayContextSigningKey;
  /** The subgraph's name in the supergraph (`caf`). */
  audience: string;
  /** Lifetime in seconds. @default 60 */
  ttlS?: number;
}

/**
 * Signs the context of one gateway → subgraph fetch: a compact JWS (ES256, `kid` and `typ` in
 * its protected header) with `iss` `passerelle-gateway`, `aud` the subgraph, `iat`, `exp`
 * (`ttlS` later) and the claims `requestId`, `caller`, `finalite`. Only those three fields are
 * signed, whatever else `claims` holds; claims that do not match `AppelPasserelle` throw.
 */
export async function signGatewayContext(claims: AppelPasserelle, { key, audience, ttlS = defaultGatewayContextTtlS }: GatewayContextSigning): Promise<string> {
  const { requestId, caller, finalite } = appelPasserelleSchema.parse(claims);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ requestId, caller, finalite })
    .setProtectedHeader({ alg: gatewayContextAlgorithm, kid: key.kid, typ: gatewayContextType })
    .setIssuer(gatewayContextIssuer)
    .setAudience(audience)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlS)
    .sign(key.privateKey);
}
