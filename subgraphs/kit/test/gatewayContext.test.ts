import { expect } from '@jest/globals';
import { generateKeyPairSync, createSecretKey } from 'node:crypto';
import { SignJWT, decodeProtectedHeader, decodeJwt, type JWTPayload, type KeyLike } from 'jose';
import { devGatewayContextKeysPath } from '../src/contextKeys/devGatewayContextKeysPath';
import { readGatewayContextKeys } from '../src/contextKeys/readGatewayContextKeys';
import { signGatewayContext } from '../src/contextKeys/signGatewayContext';
import type { AppelPasserelle } from '../src/security/appelPasserelle';
import type { Caller } from '../src/security/caller';
import { devGatewayContextJwks } from '../src/security/devGatewayContextJwks';
import { gatewayContextKeyResolver } from '../src/security/gatewayContextKeyResolver';
import { GatewayContextError, verifyGatewayContext } from '../src/security/verifyGatewayContext';
import { freshKey, replaceJson, tempDir } from './support/contextKeys';

const dev = readGatewayContextKeys(devGatewayContextKeysPath).signing;
const verifier = { keys: gatewayContextKeyResolver(''), audience: 'caf' };
const referent: Caller = { subject: 'agent-017', kind: 'agent', roles: ['referent', 'accueil'], organisation: 'CD12', partenaire: null, referentId: 'ref-001', usagerId: null };
const appel: AppelPasserelle = { requestId: '6f1c2a4e-0000-4000-8000-000000000001', caller: referent, finalite: 'accompagnement' };
const now = () => Math.floor(Date.now() / 1000);
const sign = (claims: AppelPasserelle, audience = 'caf', key = dev, ttlS?: number) => signGatewayContext(claims, { key, audience, ...(ttlS ? { ttlS } : {}) });

interface HandMade {
  alg?: string;
  typ?: string;
  /** null: no kid in the header. */
  kid?: string | null;
  key?: KeyLike | Uint8Array;
}

/** A token built by hand with jose, for what signGatewayContext never produces; by default as the gateway would sign it with the development key. */
function handMade(payload: JWTPayload, { alg = 'ES256', typ = 'passerelle-contexte+jwt', kid = dev.kid, key = dev.privateKey }: HandMade = {}): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg, typ, ...(kid === null ? {} : { kid }) }).sign(key);
}
const claims = (overrides: JWTPayload = {}): JWTPayload => ({ requestId: 'r-1', caller: null, finalite: null, iss: 'passerelle-gateway', aud: 'caf', iat: now(), exp: now() + 60, ...overrides });

async function reasonOf(token: string, by = verifier): Promise<string> {
  const error = await verifyGatewayContext(token, by).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof GatewayContextError)) throw new Error(`expected a GatewayContextError, got ${String(error)}`);
  expect(error.message).toBe('The gateway context is invalid.');
  return error.reason;
}

describe('signGatewayContext and verifyGatewayContext', () => {
  it('round-trip an anonymous context and one with a caller and a purpose', async () => {
    const anonymous = { requestId: 'r-anonyme', caller: null, finalite: null };
    await expect(verifyGatewayContext(await sign(anonymous), verifier)).resolves.toEqual(anonymous);
    await expect(verifyGatewayContext(await sign(appel), verifier)).resolves.toEqual(appel);
  });

  it('sign a compact ES256 JWS naming its key, from passerelle-gateway to the subgraph, living 60 s by default or ttlS', async () => {
    const token = await sign(appel);
    expect(token.split('.')).toHaveLength(3);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: 'passerelle-dev-only-context-key', typ: 'passerelle-contexte+jwt' });
    const payload = decodeJwt(token);
    expect(payload).toEqual({ ...appel, iss: 'passerelle-gateway', aud: 'caf', iat: expect.any(Number), exp: payload.iat! + 60 });
    expect(Math.abs(payload.iat! - now())).toBeLessThanOrEqual(1);
    const short = decodeJwt(await sign(appel, 'caf', dev, 5));
    expect(short.exp! - short.iat!).toBe(5);
  });

  it('sign the same header and claims, byte for byte, as jose would, and refuse a key that is not EC P-256', async () => {
    const token = await sign(appel);
    const { iat, exp } = decodeJwt(token);
    const [header, payload] = token.split('.');
    const jose = await new SignJWT({ ...appel })
      .setProtectedHeader({ alg: 'ES256', kid: dev.kid, typ: 'passerelle-contexte+jwt' })
      .setIssuer('passerelle-gateway')
      .setAudience('caf')
      .setIssuedAt(iat)
      .setExpirationTime(exp!)
      .sign(dev.privateKey);
    expect(`${header}.${payload}`).toBe(jose.split('.').slice(0, 2).join('.'));
    // A P-384 key or an RSA key cannot sign ES256, whatever kid it is given.
    for (const privateKey of [generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey]) {
      await expect(sign(appel, 'caf', { kid: dev.kid, privateKey })).rejects.toThrow('A gateway context is signed with an EC P-256 private key (ES256).');
    }
  });

  it('sign only the three claims, whatever else the context holds, and refuse claims that are not an AppelPasserelle', async () => {
    const extra = { ...appel, accessToken: 'secret-token', caller: { ...referent, idToken: 'secret-token' } } as AppelPasserelle;
    expect(JSON.stringify(decodeJwt(await sign(extra)))).not.toContain('secret-token');
    await expect(sign({ ...appel, finalite: 'espionnage' } as unknown as AppelPasserelle)).rejects.toThrow();
  });

  it('accept the current key and the previous one, and nothing else, from the keys the subgraph is given', async () => {
    const [current, previous, stranger] = [freshKey(), freshKey(), freshKey()];
    const file = `${tempDir('jwks')}/jwks.json`;
    replaceJson(file, { keys: [current.publicJwk, previous.publicJwk] });
    const fromFile = { keys: gatewayContextKeyResolver(file), audience: 'caf' };
    await expect(verifyGatewayContext(await sign(appel, 'caf', current.signing), fromFile)).resolves.toEqual(appel);
    await expect(verifyGatewayContext(await sign(appel, 'caf', previous.signing), fromFile)).resolves.toEqual(appel);
    // An unrelated ES256 key, under its own kid or under the current key's.
    expect(await reasonOf(await sign(appel, 'caf', stranger.signing), fromFile)).toBe('ERR_JWKS_NO_MATCHING_KEY');
    expect(await reasonOf(await sign(appel, 'caf', { kid: current.jwk.kid, privateKey: stranger.signing.privateKey }), fromFile)).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    // The development key is not among them.
    expect(await reasonOf(await sign(appel), fromFile)).toBe('ERR_JWKS_NO_MATCHING_KEY');
  });

  it('refuse a context without a kid, even signed with the one key the subgraph trusts', async () => {
    expect(await reasonOf(await handMade(claims(), { kid: null }))).toBe('ERR_JWS_KID_MISSING');
  });

  it('refuse HS256 whatever the secret, the public key’s coordinates included (algorithm confusion)', async () => {
    const publicX = Buffer.from(devGatewayContextJwks.keys[0]!.x, 'base64url');
    for (const secret of [createSecretKey(Buffer.from('a-secret-of-at-least-32-characters-long')), createSecretKey(publicX)]) {
      expect(await reasonOf(await handMade(claims(), { alg: 'HS256', key: secret }))).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
    }
  });

  it('refuse RS256, and another EC algorithm', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    expect(await reasonOf(await handMade(claims(), { alg: 'RS256', key: rsa }))).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
    expect(await reasonOf(await handMade(claims(), { alg: 'ES384', key: p384 }))).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
  });

  it('refuse an unsigned context (alg none)', async () => {
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const header = encode({ alg: 'none', kid: dev.kid, typ: 'passerelle-contexte+jwt' });
    expect(await reasonOf(`${header}.${encode(claims({ caller: referent, finalite: 'controle' }))}.`)).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
    expect(await reasonOf(`${header}.${encode(claims())}.${'A'.repeat(86)}`)).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
  });

  it('refuse a context signed for another subgraph: no replay across subgraphs', async () => {
    expect(await reasonOf(await sign(appel, 'cpam'))).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED:aud');
  });

  it('refuse an expired context', async () => {
    expect(await reasonOf(await handMade(claims({ iat: now() - 120, exp: now() - 60 })))).toBe('ERR_JWT_EXPIRED:exp');
  });

  it('refuse a context issued longer ago than the subgraph’s own ttlS, whatever its exp', async () => {
    const longLived = await handMade(claims({ iat: now() - 100, exp: now() + 3600 }));
    expect(await reasonOf(longLived)).toBe('ERR_JWT_EXPIRED:iat');
    await expect(verifyGatewayContext(longLived, { ...verifier, ttlS: 300 })).resolves.toEqual({ requestId: 'r-1', caller: null, finalite: null });
  });

  it('refuse a context issued in the future, beyond 5 s of clock skew', async () => {
    expect(await reasonOf(await handMade(claims({ iat: now() + 60, exp: now() + 120 })))).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED:iat');
    await expect(verifyGatewayContext(await handMade(claims({ iat: now() + 3 })), verifier)).resolves.toMatchObject({ requestId: 'r-1' });
  });

  it('refuse a context whose payload was altered after signing', async () => {
    const [header, , signature] = (await sign({ requestId: 'r-1', caller: null, finalite: 'information' })).split('.');
    const altered = Buffer.from(JSON.stringify(claims({ caller: referent, finalite: 'controle' }))).toString('base64url');
    expect(await reasonOf(`${header}.${altered}.${signature}`)).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it.each<[string, () => Promise<string>, string]>([
    ['another issuer', () => handMade(claims({ iss: 'someone-else' })), 'ERR_JWT_CLAIM_VALIDATION_FAILED:iss'],
    ['another typ (an ordinary JWT signed with the same key)', () => handMade(claims(), { typ: 'JWT' }), 'ERR_JWT_CLAIM_VALIDATION_FAILED:typ'],
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
});
