import { createSecretKey } from 'node:crypto';
import { SignJWT, decodeProtectedHeader, decodeJwt, type JWTPayload } from 'jose';
import { gatewayContextEnv } from '../src/config/commonEnv';
import { ConfigError, readConfig } from '../src/config/readConfig';
import type { AppelPasserelle } from '../src/security/appelPasserelle';
import { assertGatewayContextSecret } from '../src/security/assertGatewayContextSecret';
import type { Caller } from '../src/security/caller';
import { devGatewayContextSecret } from '../src/security/gatewayContextKey';
import { signGatewayContext } from '../src/security/signGatewayContext';
import { GatewayContextError, verifyGatewayContext } from '../src/security/verifyGatewayContext';

const secret = 'a-test-secret-of-at-least-32-characters';
const key = { secret, audience: 'caf' };
const referent: Caller = { subject: 'agent-017', kind: 'agent', roles: ['referent', 'accueil'], organisation: 'CD12', partenaire: null, referentId: 'ref-001', usagerId: null };
const appel: AppelPasserelle = { requestId: '6f1c2a4e-0000-4000-8000-000000000001', caller: referent, finalite: 'accompagnement' };
const now = () => Math.floor(Date.now() / 1000);

/** A token built by hand with jose, for what signGatewayContext never produces. */
function handMade(payload: JWTPayload, { alg = 'HS256', typ = 'passerelle-contexte+jwt', signWith = secret } = {}): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg, typ }).sign(createSecretKey(Buffer.from(signWith, 'utf8')));
}
const claims = (overrides: JWTPayload = {}): JWTPayload => ({ requestId: 'r-1', caller: null, finalite: null, iss: 'passerelle-gateway', aud: 'caf', iat: now(), exp: now() + 60, ...overrides });

async function reasonOf(token: string, verifyKey = key): Promise<string> {
  const error = await verifyGatewayContext(token, verifyKey).then(() => undefined, (reason: unknown) => reason);
  if (!(error instanceof GatewayContextError)) throw new Error(`expected a GatewayContextError, got ${String(error)}`);
  expect(error.message).toBe('The gateway context is invalid.');
  return error.reason;
}

describe('signGatewayContext and verifyGatewayContext', () => {
  it('round-trip an anonymous context and one with a caller and a purpose', async () => {
    const anonymous = { requestId: 'r-anonyme', caller: null, finalite: null };
    await expect(verifyGatewayContext(await signGatewayContext(anonymous, key), key)).resolves.toEqual(anonymous);
    await expect(verifyGatewayContext(await signGatewayContext(appel, key), key)).resolves.toEqual(appel);
  });

  it('sign a compact HS256 JWS from passerelle-gateway to the subgraph, living 60 s by default or ttlS', async () => {
    const token = await signGatewayContext(appel, key);
    expect(token.split('.')).toHaveLength(3);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'passerelle-contexte+jwt' });
    const payload = decodeJwt(token);
    expect(payload).toEqual({ ...appel, iss: 'passerelle-gateway', aud: 'caf', iat: expect.any(Number), exp: payload.iat! + 60 });
    expect(Math.abs(payload.iat! - now())).toBeLessThanOrEqual(1);
    const short = decodeJwt(await signGatewayContext(appel, { ...key, ttlS: 5 }));
    expect(short.exp! - short.iat!).toBe(5);
  });

  it('sign only the three claims, whatever else the context holds, and refuse claims that are not an AppelPasserelle', async () => {
    const extra = { ...appel, accessToken: 'secret-token', caller: { ...referent, idToken: 'secret-token' } } as AppelPasserelle;
    expect(JSON.stringify(decodeJwt(await signGatewayContext(extra, key)))).not.toContain('secret-token');
    await expect(signGatewayContext({ ...appel, finalite: 'espionnage' } as unknown as AppelPasserelle, key)).rejects.toThrow();
  });

  it('refuse an expired context', async () => {
    expect(await reasonOf(await handMade(claims({ iat: now() - 120, exp: now() - 60 })))).toBe('ERR_JWT_EXPIRED:exp');
  });

  it('refuse a context issued longer ago than the subgraph’s own ttlS, whatever its exp', async () => {
    const longLived = await handMade(claims({ iat: now() - 100, exp: now() + 3600 }));
    expect(await reasonOf(longLived)).toBe('ERR_JWT_EXPIRED:iat');
    await expect(verifyGatewayContext(longLived, { ...key, ttlS: 300 })).resolves.toEqual({ requestId: 'r-1', caller: null, finalite: null });
  });

  it('refuse a context issued in the future, beyond 5 s of clock skew', async () => {
    expect(await reasonOf(await handMade(claims({ iat: now() + 60, exp: now() + 120 })))).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED:iat');
    await expect(verifyGatewayContext(await handMade(claims({ iat: now() + 3 })), key)).resolves.toMatchObject({ requestId: 'r-1' });
  });

  it('refuse a context signed for another subgraph: no replay across subgraphs', async () => {
    const forCpam = await signGatewayContext(appel, { secret, audience: 'cpam' });
    expect(await reasonOf(forCpam)).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED:aud');
  });

  it('refuse a context signed with another secret', async () => {
    const forged = await signGatewayContext(appel, { secret: devGatewayContextSecret, audience: 'caf' });
    expect(await reasonOf(forged)).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it('refuse an unsigned context (alg none)', async () => {
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const unsigned = `${encode({ alg: 'none', typ: 'passerelle-contexte+jwt' })}.${encode(claims({ caller: referent, finalite: 'controle' }))}.`;
    expect(await reasonOf(unsigned)).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
    expect(await reasonOf(`${encode({ alg: 'none', typ: 'passerelle-contexte+jwt' })}.${encode(claims())}.${'A'.repeat(43)}`)).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
  });

  it('refuse a context whose payload was altered after signing', async () => {
    const [header, , signature] = (await signGatewayContext({ requestId: 'r-1', caller: null, finalite: 'information' }, key)).split('.');
    const altered = Buffer.from(JSON.stringify(claims({ caller: referent, finalite: 'controle' }))).toString('base64url');
    expect(await reasonOf(`${header}.${altered}.${signature}`)).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it.each<[string, () => Promise<string>, string]>([
    ['another algorithm', () => handMade(claims(), { alg: 'HS512' }), 'ERR_JOSE_ALG_NOT_ALLOWED'],
    ['another issuer', () => handMade(claims({ iss: 'someone-else' })), 'ERR_JWT_CLAIM_VALIDATION_FAILED:iss'],
    ['another typ (an ordinary JWT signed with the same secret)', () => handMade(claims(), { typ: 'JWT' }), 'ERR_JWT_CLAIM_VALIDATION_FAILED:typ'],
    ['no exp', () => handMade(claims({ exp: undefined })), 'ERR_JWT_CLAIM_VALIDATION_FAILED:exp'],
    ['no iat', () => handMade(claims({ iat: undefined })), 'ERR_JWT_CLAIM_VALIDATION_FAILED:iat'],
    ['no requestId', () => handMade(claims({ requestId: undefined })), 'ERR_CLAIMS_MALFORMED'],
    ['an unknown purpose', () => handMade(claims({ finalite: 'espionnage' })), 'ERR_CLAIMS_MALFORMED'],
    ['a caller with an unknown role', () => handMade(claims({ caller: { ...referent, roles: ['administrateur'] } })), 'ERR_CLAIMS_MALFORMED'],
    ['a caller missing a field', () => handMade(claims({ caller: { subject: 'agent-017' } })), 'ERR_CLAIMS_MALFORMED'],
  ])('refuse a context with %s', async (_case, token, reason) => {
    expect(await reasonOf(await token())).toBe(reason);
  });

  it('refuse what is not a JWS at all', async () => {
    expect(await reasonOf('')).toBe('ERR_JWS_INVALID');
    expect(await reasonOf('not.a.token')).toBe('ERR_JWS_INVALID');
  });

  it('refuse to work with a secret shorter than 32 characters', async () => {
    await expect(signGatewayContext(appel, { secret: 'short', audience: 'caf' })).rejects.toThrow(RangeError);
    await expect(verifyGatewayContext(await signGatewayContext(appel, key), { secret: 'short', audience: 'caf' })).rejects.toThrow(RangeError);
  });
});

describe('gatewayContextEnv', () => {
  it('defaults to the development secret and 60 s', () => {
    expect(readConfig(gatewayContextEnv(), {})).toEqual({ gatewayContextSecret: devGatewayContextSecret, gatewayContextTtlS: 60 });
    expect(devGatewayContextSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses a secret under 32 characters and a lifetime outside 1–300 s, naming the variables', () => {
    let error: unknown;
    try {
      readConfig(gatewayContextEnv(), { GATEWAY_CONTEXT_SECRET: 'x'.repeat(31), GATEWAY_CONTEXT_TTL_S: '3600' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual(['GATEWAY_CONTEXT_SECRET: expected at least 32 characters', 'GATEWAY_CONTEXT_TTL_S: expected an integer between 1 and 300']);
    expect((error as Error).message).not.toContain('x'.repeat(31));
  });
});

describe('assertGatewayContextSecret', () => {
  it('refuses the development secret in production only', () => {
    expect(() => assertGatewayContextSecret(devGatewayContextSecret, 'production')).toThrow(ConfigError);
    expect(() => assertGatewayContextSecret(devGatewayContextSecret, 'dev')).not.toThrow();
    expect(() => assertGatewayContextSecret(secret, 'production')).not.toThrow();
  });
});
