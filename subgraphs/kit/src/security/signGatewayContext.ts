import { SignJWT } from 'jose';
import { appelPasserelleSchema, type AppelPasserelle } from './appelPasserelle';
import { defaultGatewayContextTtlS, gatewayContextIssuer, gatewayContextType, hmacKeyOf, type GatewayContextKey } from './gatewayContextKey';

/**
 * Signs the context of one gateway → subgraph fetch: a compact JWS (HS256) with `iss`
 * `passerelle-gateway`, `aud` the subgraph, `iat`, `exp` (`ttlS` later) and the claims
 * `requestId`, `caller`, `finalite`. Only those three fields are signed, whatever else `claims`
 * holds; claims that do not match `AppelPasserelle` throw.
 */
export async function signGatewayContext(claims: AppelPasserelle, key: GatewayContextKey): Promise<string> {
  const { requestId, caller, finalite } = appelPasserelleSchema.parse(claims);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ requestId, caller, finalite })
    .setProtectedHeader({ alg: 'HS256', typ: gatewayContextType })
    .setIssuer(gatewayContextIssuer)
    .setAudience(key.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + (key.ttlS ?? defaultGatewayContextTtlS))
    .sign(hmacKeyOf(key.secret));
}
