import { jwtVerify } from 'jose';
import { appelPasserelleSchema, type AppelPasserelle } from './appelPasserelle';
import { GatewayContextError } from './GatewayContextError';
import { defaultGatewayContextTtlS, gatewayContextAlgorithm, gatewayContextIssuer, gatewayContextType, type GatewayContextVerifier } from './gatewayContextKey';

export { GatewayContextError } from './GatewayContextError';

/** Clock skew tolerated between the gateway's machine and a subgraph's, in seconds. */
export const clockToleranceS = 5;

function reasonOf(error: unknown): string {
  if (error instanceof GatewayContextError) return error.reason;
  if (typeof error !== 'object' || error === null) return typeof error;
  const { code, claim } = error as { code?: unknown; claim?: unknown };
  if (typeof code !== 'string') return 'ERR_UNKNOWN';
  return typeof claim === 'string' ? `${code}:${claim}` : code;
}

/** A verified context, with the last second (epoch, inclusive) it is still accepted in. */
export interface VerifiedGatewayContext {
  appel: AppelPasserelle;
  acceptedUntilS: number;
}

/**
 * `verifyGatewayContext`, also telling until when the context stays acceptable: the earlier of
 * its expiry and its `iat` plus `ttlS`, each with the clock skew jose allows
 * (`exp > now - 5`, `now - iat - 5 <= ttlS`).
 */
export async function verifyGatewayContextUntil(token: string, verifier: GatewayContextVerifier): Promise<VerifiedGatewayContext> {
  const ttlS = verifier.ttlS ?? defaultGatewayContextTtlS;
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, verifier.keys, {
      // Checked by jose before any key is looked up: an HS256 context signed with a public key as its secret never reaches one.
      algorithms: [gatewayContextAlgorithm],
      issuer: gatewayContextIssuer,
      audience: verifier.audience,
      typ: gatewayContextType,
      requiredClaims: ['iat', 'exp'],
      maxTokenAge: ttlS,
      clockTolerance: clockToleranceS,
    }));
  } catch (error) {
    throw new GatewayContextError(reasonOf(error));
  }
  const claims = appelPasserelleSchema.safeParse(payload);
  if (!claims.success) throw new GatewayContextError('ERR_CLAIMS_MALFORMED');
  // jose required both and checked they are numbers.
  const exp = payload.exp as number;
  const iat = payload.iat as number;
  return { appel: claims.data, acceptedUntilS: Math.min(Math.ceil(exp + clockToleranceS) - 1, Math.floor(iat + ttlS + clockToleranceS)) };
}

/**
 * Checks a context the gateway signed for this subgraph, with the gateway's public keys only,
 * and returns its claims. Refused (GatewayContextError): any algorithm but ES256 (HS256, RS256
 * and `none` included), no `kid` or one the gateway does not publish, another key, another
 * issuer, audience or `typ`, no `iat` or `exp`, expired, issued more than `ttlS` ago or in the
 * future (5 s of clock skew allowed), or claims that are not an `AppelPasserelle`.
 */
export async function verifyGatewayContext(token: string, verifier: GatewayContextVerifier): Promise<AppelPasserelle> {
  return (await verifyGatewayContextUntil(token, verifier)).appel;
}
