import { createHmac } from 'node:crypto';
import type { Caller } from '@passerelle/subgraph-kit';
import { createLocalJWKSet, SignJWT, type JWTPayload } from 'jose';
import { createAuthenticator } from '../../src/auth/createAuthenticator';
import { recordingLogger } from '../support/postGraphQL';
import { claimsIncomplete, createTestKey, defaultIdentityConfig, expired, malformedHeader, notValid, refusalOf, signTestToken, unavailable, usagerId, type TestKey } from '../support/authTesting';

let es256: TestKey;
let rs256: TestKey;
let ed25519: TestKey;
let authenticate: ReturnType<typeof createAuthenticator>;
const log = recordingLogger();
/** Why the last token was refused, as logged: each case must fail for its own reason. */
const lastReason = () => log.lines.at(-1)?.fields.reason;

const jwksOf = (...keys: TestKey[]) => createLocalJWKSet({ keys: keys.map((key) => key.publicJwk) });
const bearer = (token: string) => `Bearer ${token}`;
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

beforeAll(async () => {
  [es256, rs256, ed25519] = await Promise.all([createTestKey('ES256', 'k-es'), createTestKey('RS256', 'k-rs'), createTestKey('EdDSA', 'k-ed')]);
  authenticate = createAuthenticator(defaultIdentityConfig, { jwks: jwksOf(es256, rs256, ed25519), logger: log.logger });
});

const agentCaf = { sub: 'acct-42', roles: ['agent'], organisation: 'CAF12', partenaire: 'caf' };

describe('a valid token', () => {
  it('no Authorization header: anonymous', async () => {
    await expect(authenticate(undefined)).resolves.toBeNull();
  });

  it.each<[string, JWTPayload, Caller]>([
    ['an agent', agentCaf, { subject: 'acct-42', kind: 'agent', roles: ['agent'], organisation: 'CAF12', partenaire: 'caf', referentId: null, usagerId: null }],
    [
      'a référent',
      { sub: 'acct-7', roles: ['referent'], organisation: 'CD12', referent_id: 'ref-001' },
      { subject: 'acct-7', kind: 'agent', roles: ['referent'], organisation: 'CD12', partenaire: null, referentId: 'ref-001', usagerId: null },
    ],
    [
      'a reception agent',
      { sub: 'acct-8', roles: ['accueil'], organisation: 'CD12' },
      { subject: 'acct-8', kind: 'agent', roles: ['accueil'], organisation: 'CD12', partenaire: null, referentId: null, usagerId: null },
    ],
    [
      'an analyst',
      { sub: 'acct-9', roles: ['analyste'], organisation: 'CD12' },
      { subject: 'acct-9', kind: 'agent', roles: ['analyste'], organisation: 'CD12', partenaire: null, referentId: null, usagerId: null },
    ],
    [
      'a usager',
      { sub: usagerId, roles: ['usager'], organisation: 'usager', usager_id: usagerId },
      { subject: usagerId, kind: 'usager', roles: ['usager'], organisation: 'usager', partenaire: null, referentId: null, usagerId },
    ],
    [
      'several roles (repeats ignored)',
      { sub: 'acct-10', roles: ['referent', 'agent', 'referent'], organisation: 'CD12', partenaire: 'departement', referent_id: 'ref-015' },
      { subject: 'acct-10', kind: 'agent', roles: ['referent', 'agent'], organisation: 'CD12', partenaire: 'departement', referentId: 'ref-015', usagerId: null },
    ],
  ])('%s: the exact Caller', async (_who, claims, caller) => {
    await expect(authenticate(bearer(await signTestToken(es256, claims)))).resolves.toEqual(caller);
  });

  it.each(['RS256', 'EdDSA'])('signed %s (in the default allow-list)', async (alg) => {
    const key = alg === 'RS256' ? rs256 : ed25519;
    await expect(authenticate(bearer(await signTestToken(key, agentCaf)))).resolves.toMatchObject({ subject: 'acct-42', partenaire: 'caf' });
  });

  it('the scheme is case-insensitive (RFC 7235)', async () => {
    await expect(authenticate(`bearer ${await signTestToken(es256, agentCaf)}`)).resolves.toMatchObject({ subject: 'acct-42' });
  });

  it('expired within the clock tolerance: accepted; with no tolerance: refused', async () => {
    const token = await signTestToken(es256, agentCaf, { expiresIn: -10 });
    await expect(authenticate(bearer(token))).resolves.toMatchObject({ subject: 'acct-42' });
    const strict = createAuthenticator({ ...defaultIdentityConfig, oidcClockToleranceS: 0 }, { jwks: jwksOf(es256) });
    expect(await refusalOf(strict(bearer(token)))).toEqual(expired);
  });
});

describe('a refused token', () => {
  it('expired', async () => {
    expect(await refusalOf(authenticate(bearer(await signTestToken(es256, agentCaf, { expiresIn: -3600 }))))).toEqual(expired);
    expect(lastReason()).toBe('ERR_JWT_EXPIRED:exp');
  });

  it('not yet valid (nbf in an hour)', async () => {
    expect(await refusalOf(authenticate(bearer(await signTestToken(es256, agentCaf, { notBefore: 3600 }))))).toEqual(notValid);
    expect(lastReason()).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED:nbf');
  });

  it('without exp', async () => {
    expect(await refusalOf(authenticate(bearer(await signTestToken(es256, agentCaf, { expiresIn: null }))))).toEqual(notValid);
    expect(lastReason()).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED:exp');
  });

  it('from another issuer', async () => {
    expect(await refusalOf(authenticate(bearer(await signTestToken(es256, agentCaf, { issuer: 'https://idp.example' }))))).toEqual(notValid);
    expect(lastReason()).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED:iss');
  });

  it('for another audience', async () => {
    expect(await refusalOf(authenticate(bearer(await signTestToken(es256, agentCaf, { audience: 'autre-service' }))))).toEqual(notValid);
    expect(lastReason()).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED:aud');
  });

  it('unsigned (alg none), hand-built', async () => {
    const now = Math.floor(Date.now() / 1000);
    const payload = { ...agentCaf, iss: defaultIdentityConfig.oidcIssuer, aud: defaultIdentityConfig.oidcAudience, iat: now, exp: now + 600 };
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`;
    expect(await refusalOf(authenticate(bearer(token)))).toEqual(notValid);
    expect(lastReason()).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
  });

  it('HS256 with a secret, even one the attacker chose as the public key itself', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(es256.publicJwk));
    const token = await new SignJWT(agentCaf)
      .setProtectedHeader({ alg: 'HS256', kid: es256.kid })
      .setIssuer(defaultIdentityConfig.oidcIssuer)
      .setAudience(defaultIdentityConfig.oidcAudience)
      .setExpirationTime('10m')
      .sign(secret);
    expect(await refusalOf(authenticate(bearer(token)))).toEqual(notValid);
    expect(lastReason()).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
  });

  it('signed by another key under the same kid', async () => {
    const impostor = await createTestKey('ES256', es256.kid);
    expect(await refusalOf(authenticate(bearer(await signTestToken(impostor, agentCaf))))).toEqual(notValid);
    expect(lastReason()).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it('with a kid the key set does not have', async () => {
    expect(await refusalOf(authenticate(bearer(await signTestToken(es256, agentCaf, { kid: 'k-unknown' }))))).toEqual(notValid);
    expect(lastReason()).toBe('ERR_JWKS_NO_MATCHING_KEY');
  });

  it('signed with an algorithm left out of OIDC_ALGORITHMS, its key being in the set', async () => {
    const es256Only = createAuthenticator({ ...defaultIdentityConfig, oidcAlgorithms: ['ES256'] }, { jwks: jwksOf(es256, rs256), logger: log.logger });
    expect(await refusalOf(es256Only(bearer(await signTestToken(rs256, agentCaf))))).toEqual(notValid);
    expect(lastReason()).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
  });

  it('with a tampered payload', async () => {
    const [header, , signature] = (await signTestToken(es256, agentCaf)).split('.');
    const now = Math.floor(Date.now() / 1000);
    const forged = base64url({ ...agentCaf, partenaire: 'cpam', iss: defaultIdentityConfig.oidcIssuer, aud: 'passerelle', exp: now + 600 });
    expect(await refusalOf(authenticate(bearer(`${header}.${forged}.${signature}`)))).toEqual(notValid);
    expect(lastReason()).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });
});

describe('claims that do not make a Caller', () => {
  const referent = { sub: 'acct-7', roles: ['referent'], organisation: 'CD12', referent_id: 'ref-001' };
  const usager = { sub: usagerId, roles: ['usager'], organisation: 'usager', usager_id: usagerId };
  const accueil = { sub: 'acct-8', roles: ['accueil'], organisation: 'CD12' };
  const without = (claims: Record<string, unknown>, claim: string) => Object.fromEntries(Object.entries(claims).filter(([name]) => name !== claim));

  it.each<[string, JWTPayload]>([
    ['no sub', without(agentCaf, 'sub')],
    ['an empty sub', { ...agentCaf, sub: '' }],
    ['no roles', without(agentCaf, 'roles')],
    ['empty roles', { ...agentCaf, roles: [] }],
    ['roles not an array', { ...accueil, roles: 'accueil' }],
    ['an unknown role', { ...accueil, roles: ['accueil', 'admin'] }],
    ['no organisation', without(accueil, 'organisation')],
    ['a non-string organisation', { ...accueil, organisation: 12 }],
    ['accueil with a partenaire', { ...accueil, partenaire: 'caf' }],
    ['agent: no partenaire', without(agentCaf, 'partenaire')],
    ['agent: a partenaire that is not a partner code', { ...agentCaf, partenaire: 'Impôts 12' }],
    ['agent: a référent id without the role', { ...agentCaf, referent_id: 'ref-001' }],
    ['referent: no referent_id', without(referent, 'referent_id')],
    ['referent: a malformed referent_id', { ...referent, referent_id: 'ref-1; drop' }],
    ['referent: a usager_id', { ...referent, usager_id: usagerId }],
    ['usager: no usager_id', without(usager, 'usager_id')],
    ['usager: a malformed usager_id', { ...usager, usager_id: 'not-an-id' }],
    ['usager: another organisation', { ...usager, organisation: 'CD12' }],
    ['usager together with a professional role', { ...usager, roles: ['usager', 'referent'], referent_id: 'ref-001' }],
    ['analyste with a usager_id', { sub: 'acct-9', roles: ['analyste'], organisation: 'CD12', usager_id: usagerId }],
  ])('%s: refused', async (_case, claims) => {
    expect(await refusalOf(authenticate(bearer(await signTestToken(es256, claims))))).toEqual(claimsIncomplete);
    expect(lastReason()).toMatch(/^CLAIMS:/);
  });
});

describe('the Authorization header', () => {
  it.each([
    ['another scheme', 'Basic YWxpY2U6c2VjcmV0'],
    ['Bearer alone', 'Bearer'],
    ['Bearer and a space', 'Bearer '],
    ['empty', ''],
    ['a token of two parts', 'Bearer abc.def'],
    ['two tokens', 'Bearer a.b.c d.e.f'],
    ['a token too long to be one', `Bearer ${'a'.repeat(9000)}.b.c`],
  ])('%s: refused as malformed', async (_case, header) => {
    expect(await refusalOf(authenticate(header))).toEqual(malformedHeader);
    expect(lastReason()).toBe('MALFORMED_AUTHORIZATION_HEADER');
  });
});

describe('what the refusals say and log', () => {
  it('never the token, its subject or claims; the logs get a reason code only', async () => {
    const { lines, logger } = recordingLogger();
    const logged = createAuthenticator(defaultIdentityConfig, { jwks: jwksOf(es256), logger });
    const claims = { sub: 'acct-secret-77', roles: ['referent'], organisation: 'CD12', referent_id: 'ref-1' };
    const token = await signTestToken(es256, claims);
    const refusal = await refusalOf(logged(bearer(token)));
    expect(refusal).toEqual(claimsIncomplete);
    expect(await refusalOf(logged(bearer(await signTestToken(es256, claims, { expiresIn: -3600 }))))).toEqual(expired);
    expect(lines).toEqual([
      { level: 'info', message: 'access token refused', fields: { reason: 'CLAIMS:referent_id' } },
      { level: 'info', message: 'access token refused', fields: { reason: 'ERR_JWT_EXPIRED:exp' } },
    ]);
    const everything = JSON.stringify([refusal, lines]);
    for (const secret of [token, token.split('.')[1]!, 'acct-secret-77', 'ref-1']) expect(everything).not.toContain(secret);
  });
});

describe('keys that cannot be fetched', () => {
  it('fail closed with AUTHENTIFICATION_INDISPONIBLE, retryable', async () => {
    const { lines, logger } = recordingLogger();
    const down = createAuthenticator(defaultIdentityConfig, {
      jwks: () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4300'), { code: 'ECONNREFUSED' })),
      logger,
    });
    expect(await refusalOf(down(bearer(await signTestToken(es256, agentCaf))))).toEqual(unavailable);
    expect(lines).toEqual([{ level: 'warn', message: 'identity provider keys unavailable', fields: { reason: 'Error' } }]);
  });

  it('a malformed header is still refused as such, before any key is fetched', async () => {
    const jwks = jest.fn(jwksOf(es256));
    const authenticator = createAuthenticator(defaultIdentityConfig, { jwks });
    expect(await refusalOf(authenticator('Basic abc'))).toEqual(malformedHeader);
    expect(jwks).not.toHaveBeenCalled();
  });
});

// Signed by hand, so the refusal does not depend on how jose's SignJWT builds an HS256 token.
it('a hand-rolled HS256 token is refused', async () => {
  const now = Math.floor(Date.now() / 1000);
  const signingInput = `${base64url({ alg: 'HS256', typ: 'JWT', kid: 'k-es' })}.${base64url({ ...agentCaf, iss: defaultIdentityConfig.oidcIssuer, aud: 'passerelle', exp: now + 600 })}`;
  const signature = createHmac('sha256', 'secret-partage').update(signingInput).digest('base64url');
  expect(await refusalOf(authenticate(bearer(`${signingInput}.${signature}`)))).toEqual(notValid);
  expect(lastReason()).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
});

describe('a token verified moments ago', () => {
  /** An authenticator counting the key look-ups (one per verification), on a clock the test moves. */
  function counted(reuseMs?: number) {
    let clock = Date.now();
    const jwks = jwksOf(es256);
    let lookups = 0;
    const authenticator = createAuthenticator(defaultIdentityConfig, {
      jwks: (header, token) => {
        lookups += 1;
        return jwks(header, token);
      },
      logger: log.logger,
      now: () => clock,
      ...(reuseMs === undefined ? {} : { reuseMs }),
    });
    return { authenticator, lookups: () => lookups, advance: (ms: number) => (clock += ms) };
  }
  const caf: Caller = { subject: 'acct-42', kind: 'agent', roles: ['agent'], organisation: 'CAF12', partenaire: 'caf', referentId: null, usagerId: null };
  const referent: Caller = { subject: 'acct-7', kind: 'agent', roles: ['referent'], organisation: 'CD12', partenaire: null, referentId: 'ref-001', usagerId: null };

  it('is verified once while its bearer sends it again within 5 s, each token giving its own Caller, each time a fresh object', async () => {
    const { authenticator, lookups, advance } = counted();
    const [forCaf, forReferent] = await Promise.all([signTestToken(es256, agentCaf), signTestToken(es256, { sub: 'acct-7', roles: ['referent'], organisation: 'CD12', referent_id: 'ref-001' })]);
    const first = await authenticator(bearer(forCaf));
    await expect(authenticator(bearer(forReferent))).resolves.toEqual(referent);
    const again = await authenticator(bearer(forCaf));
    expect([first, again]).toEqual([caf, caf]);
    expect(again).not.toBe(first);
    expect(again?.roles).not.toBe(first?.roles);
    expect(lookups()).toBe(2);
    advance(5001);
    await expect(authenticator(bearer(forCaf))).resolves.toEqual(caf);
    expect(lookups()).toBe(3);
  });

  it('is verified again, and refused, once expired, even within the reuse window', async () => {
    const { authenticator, lookups, advance } = counted(3_600_000);
    const token = await signTestToken(es256, agentCaf, { expiresIn: 2 });
    await expect(authenticator(bearer(token))).resolves.toEqual(caf);
    advance(1000);
    await expect(authenticator(bearer(token))).resolves.toEqual(caf);
    expect(lookups()).toBe(1);
    // Past exp + the clock tolerance on the authenticator's clock: verified again (jose, on the real clock, still accepts it here).
    advance((defaultIdentityConfig.oidcClockToleranceS + 2) * 1000);
    await expect(authenticator(bearer(token))).resolves.toEqual(caf);
    expect(lookups()).toBe(2);
  });

  it('a refused token is verified, and logged, every time; reuseMs 0 never reuses', async () => {
    const { authenticator, lookups } = counted();
    const stranger = await createTestKey('ES256', 'k-es');
    const forged = await signTestToken(stranger, agentCaf);
    for (let i = 0; i < 2; i += 1) {
      expect(await refusalOf(authenticator(bearer(forged)))).toEqual(notValid);
      expect(lastReason()).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    }
    expect(lookups()).toBe(2);
    const never = counted(0);
    const token = await signTestToken(es256, agentCaf);
    await never.authenticator(bearer(token));
    await never.authenticator(bearer(token));
    expect(never.lookups()).toBe(2);
  });
});
