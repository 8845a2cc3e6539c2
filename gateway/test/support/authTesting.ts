import { GraphQLError } from 'graphql';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type KeyLike } from 'jose';
import { loadGatewayConfig } from '../../src/config';
import type { IdentityConfig } from '../../src/auth/createAuthenticator';

/** The identity part of the gateway's configuration on its defaults (the dev IdP's issuer, audience `passerelle`). */
export const defaultIdentityConfig: IdentityConfig = loadGatewayConfig({});

/** A signing key of a test identity provider, with its public JWK (kid and alg set). */
export interface TestKey {
  privateKey: KeyLike;
  publicJwk: JWK;
  kid: string;
  alg: string;
}

export async function createTestKey(alg: 'ES256' | 'RS256' | 'EdDSA', kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, alg === 'EdDSA' ? { crv: 'Ed25519' } : {});
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' }, kid, alg };
}

export interface SignOptions {
  issuer?: string;
  audience?: string;
  /** Seconds from now (negative: in the past); null: no `exp`. @default 600 */
  expiresIn?: number | null;
  /** Seconds from now of `nbf`, when set. */
  notBefore?: number;
  kid?: string;
}

/** Signs test claims with `key`, for the gateway's defaults unless told otherwise. */
export async function signTestToken(key: TestKey, claims: JWTPayload, options: SignOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: options.kid ?? key.kid, typ: 'JWT' })
    .setIssuer(options.issuer ?? defaultIdentityConfig.oidcIssuer)
    .setAudience(options.audience ?? defaultIdentityConfig.oidcAudience)
    .setIssuedAt(now);
  const expiresIn = options.expiresIn === undefined ? 600 : options.expiresIn;
  if (expiresIn !== null) jwt.setExpirationTime(now + expiresIn);
  if (options.notBefore !== undefined) jwt.setNotBefore(now + options.notBefore);
  return jwt.sign(key.privateKey);
}

/** What a refusal shows: its message, its extensions and the HTTP head Apollo Server will answer with. */
export interface Refusal {
  message: string;
  code: unknown;
  retryable: unknown;
  status: unknown;
  headers: Record<string, string>;
}

/** Runs `attempt`, which must throw a GraphQLError, and returns what it carries. */
export async function refusalOf(attempt: Promise<unknown>): Promise<Refusal> {
  let error: unknown;
  try {
    await attempt;
  } catch (caught) {
    error = caught;
  }
  if (!(error instanceof GraphQLError)) throw new Error(`expected a GraphQLError, got ${String(error)}`);
  const http = error.extensions.http as { status?: number; headers?: Map<string, string> } | undefined;
  return {
    message: error.message,
    code: error.extensions.code,
    retryable: error.extensions.retryable,
    status: http?.status,
    headers: Object.fromEntries(http?.headers ?? []),
  };
}

/** The refusal of a token, by class of problem. */
export function invalidToken(message: string): Refusal {
  return { message, code: 'JETON_INVALIDE', retryable: false, status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } };
}

export const expired = invalidToken('The access token has expired: get a new one.');
export const notValid = invalidToken('The access token is not valid.');
export const claimsIncomplete = invalidToken("The access token's claims are incomplete or invalid for its roles.");
export const malformedHeader = invalidToken('The Authorization header must be "Bearer <access token>".');
export const unavailable: Refusal = {
  message: 'Access tokens cannot be checked right now (identity provider unreachable): retry later.',
  code: 'AUTHENTIFICATION_INDISPONIBLE',
  retryable: true,
  status: 503,
  headers: {},
};

/** A well-formed opaque usager id (`u_` + base64url), as the identity subgraph issues them. */
export const usagerId = 'u_q1Xy9fZ0bW5vcGFxdWUtdXNhZ2VyLWlkLXRlc3Q';
