import { jwtVerify } from 'jose';
import { appelPasserelleSchema, type AppelPasserelle } from './appelPasserelle';
import { GatewayContextError } from './GatewayContextError';
import { defaultGatewayContextTtlS, gatewayContextAlgorithm, gatewayContextIssuer, gatewayContextType, type GatewayContextVerifier } from './gatewayContextKey';

export { GatewayContextError } from './GatewayContextError';

/** Clock skew tolerated between the gateway's machine and a subgraph's, in seconds. */
const clockToleranceS = 5;

function reasonOf(error: unknown): string {
  if (error instanceof GatewayContextError) return error.reason;
  if (typeof error !== 'object' || error === null) return typeof error;
  const { code, claim } = error as { code?: unknown; claim?: unknown };
  if (typeof code !== 'string') return 'ERR_UNKNOWN';
  return typeof claim === 'string' ? `${code}:${claim}` : code;
}

/**
 * Checks a context the gateway signed for this subgraph, with the gateway's public keys only,
 * and returns its claims. Refused (GatewayContextError): any algorithm but ES256 (HS256, RS256
 * and `none` included), no `kid` or one the gateway does not publish, another key, another
 * issuer, audience or `typ`, no `iat` or `exp`, expired, issued more than `ttlS` ago or in the
 * future (5 s of clock skew allowed), or claims that are not an `AppelPasserelle`.
 */
export async function verifyGatewayContext(token: string, verifier: GatewayContextVerifier): Promise<AppelPasserelle> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, verifier.keys, {
      // Checked by jose before any key is looked up: an HS256 context signed with a public key as its secret never reaches one.
      algorithms: [gatewayContextAlgorithm],
      issuer: gatewayContextIssuer,
      audience: verifier.audience,
      typ: gatewayContextType,
      requiredClaims: ['iat', 'exp'],
      maxTokenAge: verifier.ttlS ?? defaultGatewayContextTtlS,
      clockTolerance: clockToleranceS,
    }));
  } catch (error) {
    throw new GatewayContextError(reasonOf(error));
  }
  const claims = appelPasserelleSchema.safeParse(payload);
  if (!claims.success) throw new GatewayContextError('ERR_CLAIMS_MALFORMED');
  return claims.data;
}
