import { jwtVerify } from 'jose';
import { appelPasserelleSchema, type AppelPasserelle } from './appelPasserelle';
import { defaultGatewayContextTtlS, gatewayContextIssuer, gatewayContextType, hmacKeyOf, type GatewayContextKey } from './gatewayContextKey';

/** Clock skew tolerated between the gateway's machine and a subgraph's, in seconds. */
const clockToleranceS = 5;

/** A context the subgraph must refuse; `reason` is for the logs only (a jose code such as `ERR_JWT_EXPIRED`), never for the caller. */
export class GatewayContextError extends Error {
  constructor(readonly reason: string) {
    super('The gateway context is invalid.');
    this.name = 'GatewayContextError';
  }
}

function reasonOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return typeof error;
  const { code, claim } = error as { code?: unknown; claim?: unknown };
  if (typeof code !== 'string') return 'ERR_UNKNOWN';
  return typeof claim === 'string' ? `${code}:${claim}` : code;
}

/**
 * Checks a context the gateway signed for this subgraph and returns its claims. Refused
 * (GatewayContextError): any algorithm but HS256 (`none` included), another secret, another
 * issuer, audience or `typ`, no `iat` or `exp`, expired, issued more than `ttlS` ago or in the
 * future (5 s of clock skew allowed), or claims that are not an `AppelPasserelle`.
 */
export async function verifyGatewayContext(token: string, key: GatewayContextKey): Promise<AppelPasserelle> {
  const hmacKey = hmacKeyOf(key.secret);
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, hmacKey, {
      algorithms: ['HS256'],
      issuer: gatewayContextIssuer,
      audience: key.audience,
      typ: gatewayContextType,
      requiredClaims: ['iat', 'exp'],
      maxTokenAge: key.ttlS ?? defaultGatewayContextTtlS,
      clockTolerance: clockToleranceS,
    }));
  } catch (error) {
    throw new GatewayContextError(reasonOf(error));
  }
  const claims = appelPasserelleSchema.safeParse(payload);
  if (!claims.success) throw new GatewayContextError('ERR_CLAIMS_MALFORMED');
  return claims.data;
}
