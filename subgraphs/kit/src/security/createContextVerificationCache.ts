import type { AppelPasserelle } from './appelPasserelle';
import type { GatewayContextVerifier } from './gatewayContextKey';
import { verifyGatewayContextUntil, type VerifiedGatewayContext } from './verifyGatewayContext';

export interface ContextVerificationCacheOptions {
  /** Most contexts remembered; past it the oldest goes. @default 512 */
  maxEntries?: number;
  /** Longest a verification is reused, in ms, however long the context stays acceptable. @default 2000 */
  reuseMs?: number;
  /** The clock (epoch ms). @default Date.now */
  now?: () => number;
  /** Verifies on a miss. @default verifyGatewayContextUntil */
  verify?: (token: string, verifier: GatewayContextVerifier) => Promise<VerifiedGatewayContext>;
}

/**
 * Verifies gateway contexts, reusing for a moment the verification of a token seen just before.
 * The gateway signs one context per request and subgraph and sends it with every fetch of that
 * request to that subgraph (gateway/src/pipeline/RequestSecurity.ts `signedContext`: the
 * Département gets the access facts, its fields and the summary under one token), so the same
 * token is verified several times within a second. The answer is a function of the token alone
 * (this subgraph's audience and keys are fixed) and of the time: an entry is reused only while
 * the context is still acceptable — before its expiry and its `iat` + `ttlS`, with the clock skew
 * verification allows — and for `reuseMs` at most, so a key withdrawn from the JWKS stops
 * verifying within that time. The claims are the gateway's request id, caller and purpose, the
 * very ones it signed: another request carries another token, so nothing crosses requests.
 * Refusals are never remembered: each is verified, and logged, again.
 */
export function createContextVerificationCache(verifier: GatewayContextVerifier, options: ContextVerificationCacheOptions = {}): (token: string) => Promise<AppelPasserelle> {
  const { maxEntries = 512, reuseMs = 2000, now = Date.now, verify = verifyGatewayContextUntil } = options;
  const entries = new Map<string, { verified: Promise<VerifiedGatewayContext>; reusableUntilMs: number }>();
  return async (token) => {
    const at = now();
    const known = entries.get(token);
    if (known !== undefined && at <= known.reusableUntilMs) {
      const { appel, acceptedUntilS } = await known.verified;
      if (Math.floor(at / 1000) <= acceptedUntilS) return appel;
    }
    const verified = verify(token, verifier);
    entries.delete(token);
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
    entries.set(token, { verified, reusableUntilMs: at + reuseMs });
    try {
      return (await verified).appel;
    } catch (error) {
      if (entries.get(token)?.verified === verified) entries.delete(token);
      throw error;
    }
  };
}
