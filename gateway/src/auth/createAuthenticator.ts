import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { silentLogger, type Caller, type Logger } from '@passerelle/subgraph-kit';
import type { GatewayConfig } from '../config';
import { authenticationUnavailableError, invalidTokenError } from './authenticationError';
import { callerFromClaims, ClaimsError } from './callerFromClaims';

/** The part of the gateway's configuration that authentication reads. */
export type IdentityConfig = Pick<GatewayConfig, 'oidcIssuer' | 'oidcAudience' | 'oidcJwksUrl' | 'oidcAlgorithms' | 'oidcClockToleranceS'>;

/** Turns an `Authorization` header into the Caller it proves, or null when there is none (anonymous). */
export type Authenticator = (authorizationHeader: string | undefined) => Promise<Caller | null>;

export interface AuthenticatorOptions {
  /** Where the verification keys come from. @default createRemoteJWKSet(OIDC_JWKS_URL), fetched on first use and cached */
  jwks?: JWTVerifyGetKey;
  /** Receives why a token was refused (a jose code or the offending claim's name), never the token. */
  logger?: Logger;
  /** Longest a token's verification is reused for the next requests bearing it, in ms (0: never). @default 5000 */
  reuseMs?: number;
  /** The clock (epoch ms) of that reuse. @default Date.now */
  now?: () => number;
}

/** Most accepted tokens remembered at once; past it the oldest goes. */
const maxRemembered = 1024;

/** Compact JWS: three base64url parts. Anything longer than a few KiB is not an access token. */
const bearer = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/i;
const maxTokenLength = 8192;

/** The identity provider's keys could not be obtained; `reason` is for the logs. */
class KeySetUnavailable extends Error {
  constructor(readonly reason: string) {
    super('JWKS unavailable');
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JOSEError) {
    const claim = (error as { claim?: unknown }).claim;
    return typeof claim === 'string' ? `${error.code}:${claim}` : error.code;
  }
  return error instanceof Error ? error.name : typeof error;
}

/**
 * Builds the gateway's authenticator. No header: anonymous (null). Otherwise the header must be
 * `Bearer <JWT>`, signed with one of OIDC_ALGORITHMS by a key of the JWKS, with `iss`
 * OIDC_ISSUER, `aud` naming OIDC_AUDIENCE, an `exp` not passed and no `nbf` to come (both within
 * OIDC_CLOCK_TOLERANCE_S), and claims that make a Caller (see callerFromClaims). Any failure
 * throws JETON_INVALIDE (HTTP 401); keys that cannot be fetched throw AUTHENTIFICATION_INDISPONIBLE
 * (HTTP 503). Messages say which class of problem, never the token or its claims.
 */
export function createAuthenticator(config: IdentityConfig, options: AuthenticatorOptions = {}): Authenticator {
  const logger = options.logger ?? silentLogger;
  const jwks = options.jwks ?? createRemoteJWKSet(new URL(config.oidcJwksUrl));
  const getKey: JWTVerifyGetKey = async (header, token) => {
    try {
      return await jwks(header, token);
    } catch (error) {
      // No key for this token's kid/alg is the token's problem; anything else is the key set's.
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw new KeySetUnavailable(reasonOf(error));
    }
  };
  const verifyOptions = {
    algorithms: [...config.oidcAlgorithms],
    issuer: config.oidcIssuer,
    audience: config.oidcAudience,
    clockTolerance: config.oidcClockToleranceS,
    requiredClaims: ['exp'],
  };

  /**
   * Tokens accepted just before, by their whole text: a client sends the same access token with
   * each of its requests, and verifying it is a signature check. The Caller is a function of the
   * token alone (the keys, issuer and audience are fixed), so an entry only ever answers the
   * bearer of that very token. Reused `reuseMs` at most and never past the token's `exp` (with
   * the clock tolerance verification allows); refusals are never remembered (each is verified and
   * logged again). jose's remote key set keeps fetched keys for minutes anyway: a few seconds
   * here change nothing to how soon a withdrawn key stops working.
   */
  const reuseMs = options.reuseMs ?? 5000;
  const now = options.now ?? Date.now;
  const accepted = new Map<string, { caller: Caller; acceptedUntilS: number; reusableUntilMs: number }>();

  return async (authorizationHeader) => {
    if (authorizationHeader === undefined) return null;
    const match = authorizationHeader.length <= maxTokenLength ? bearer.exec(authorizationHeader) : null;
    if (match?.[1] === undefined) {
      logger.info('access token refused', { reason: 'MALFORMED_AUTHORIZATION_HEADER' });
      throw invalidTokenError('malformed');
    }
    const token = match[1];
    const at = now();
    const known = accepted.get(token);
    if (known !== undefined && at <= known.reusableUntilMs && Math.floor(at / 1000) <= known.acceptedUntilS) return { ...known.caller, roles: [...known.caller.roles] };
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, getKey, verifyOptions));
    } catch (error) {
      if (error instanceof KeySetUnavailable) {
        logger.warn('identity provider keys unavailable', { reason: error.reason });
        throw authenticationUnavailableError();
      }
      const reason = reasonOf(error);
      logger.info('access token refused', { reason });
      throw invalidTokenError(error instanceof errors.JWTExpired ? 'expired' : 'invalid');
    }
    try {
      const caller = callerFromClaims(payload);
      if (reuseMs > 0) {
        // jose required `exp` and checked `exp > now - tolerance` (seconds): the last second it still holds.
        const acceptedUntilS = Math.ceil((payload.exp as number) + config.oidcClockToleranceS) - 1;
        accepted.delete(token);
        if (accepted.size >= maxRemembered) accepted.delete(accepted.keys().next().value as string);
        accepted.set(token, { caller: { ...caller, roles: [...caller.roles] }, acceptedUntilS, reusableUntilMs: at + reuseMs });
      }
      return caller;
    } catch (error) {
      if (!(error instanceof ClaimsError)) throw error;
      logger.info('access token refused', { reason: `CLAIMS:${error.claim}` });
      throw invalidTokenError('claims');
    }
  };
}
