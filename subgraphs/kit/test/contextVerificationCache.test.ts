import { expect } from '@jest/globals';
import { devGatewayContextKeysPath } from '../src/contextKeys/devGatewayContextKeysPath';
import { readGatewayContextKeys } from '../src/contextKeys/readGatewayContextKeys';
import { signGatewayContext } from '../src/contextKeys/signGatewayContext';
import type { AppelPasserelle } from '../src/security/appelPasserelle';
import { createContextVerificationCache } from '../src/security/createContextVerificationCache';
import { gatewayContextKeyResolver } from '../src/security/gatewayContextKeyResolver';
import type { GatewayContextVerifier } from '../src/security/gatewayContextKey';
import { verifyGatewayContextUntil, type VerifiedGatewayContext } from '../src/security/verifyGatewayContext';
import { freshKey } from './support/contextKeys';

const dev = readGatewayContextKeys(devGatewayContextKeysPath).signing;
const verifier: GatewayContextVerifier = { keys: gatewayContextKeyResolver(''), audience: 'caf' };
const referent: AppelPasserelle = {
  requestId: 'r-referent',
  caller: { subject: 'agent-017', kind: 'agent', roles: ['referent'], organisation: 'CD12', partenaire: null, referentId: 'ref-001', usagerId: null },
  finalite: 'accompagnement',
};
const accueil: AppelPasserelle = {
  requestId: 'r-accueil',
  caller: { subject: 'agent-042', kind: 'agent', roles: ['accueil'], organisation: 'CD12', partenaire: null, referentId: null, usagerId: null },
  finalite: 'premier-accueil',
};

/** A cache over the real verification that counts the verifications it makes, on a clock the test moves. */
function counted(options: { reuseMs?: number; maxEntries?: number } = {}) {
  let clock = Date.now();
  const calls: string[] = [];
  const verify = (token: string, by: GatewayContextVerifier): Promise<VerifiedGatewayContext> => {
    calls.push(token);
    return verifyGatewayContextUntil(token, by);
  };
  const cached = createContextVerificationCache(verifier, { ...options, now: () => clock, verify });
  return { cached, calls, advance: (ms: number) => (clock += ms) };
}

describe('createContextVerificationCache', () => {
  it('verifies a token once while it is reused within a moment, and gives each token its own claims', async () => {
    const { cached, calls } = counted();
    const [forReferent, forAccueil] = await Promise.all([signGatewayContext(referent, { key: dev, audience: 'caf' }), signGatewayContext(accueil, { key: dev, audience: 'caf' })]);
    // Three fetches of one request, two of them at once, then another caller's request interleaved.
    await expect(Promise.all([cached(forReferent), cached(forReferent)])).resolves.toEqual([referent, referent]);
    await expect(cached(forAccueil)).resolves.toEqual(accueil);
    await expect(cached(forReferent)).resolves.toEqual(referent);
    expect(calls).toEqual([forReferent, forAccueil]);
  });

  it('verifies again after reuseMs, and refuses once the context is no longer acceptable, even within reuseMs', async () => {
    const { cached, calls, advance } = counted({ reuseMs: 2000 });
    const token = await signGatewayContext(referent, { key: dev, audience: 'caf', ttlS: 1 });
    await expect(cached(token)).resolves.toEqual(referent);
    advance(2001);
    await expect(cached(token)).resolves.toEqual(referent);
    expect(calls).toHaveLength(2);

    // A reuse window longer than the context's life: past iat + ttlS + 5 s of skew, the entry is
    // not reused but verified again (here by the real verification, on the real clock).
    const long = counted({ reuseMs: 60_000 });
    await expect(long.cached(token)).resolves.toEqual(referent);
    long.advance(3000);
    await expect(long.cached(token)).resolves.toEqual(referent);
    expect(long.calls).toHaveLength(1);
    long.advance(5000);
    await expect(long.cached(token)).resolves.toEqual(referent);
    expect(long.calls).toHaveLength(2);
  });

  it('never remembers a refusal: a bad token is verified, and refused, every time', async () => {
    const { cached, calls } = counted();
    const stranger = await signGatewayContext(referent, { key: freshKey().signing, audience: 'caf' });
    const otherAudience = await signGatewayContext(referent, { key: dev, audience: 'msa' });
    for (const token of [stranger, stranger, otherAudience, otherAudience]) {
      await expect(cached(token)).rejects.toMatchObject({ reason: expect.stringMatching(/^ERR_/) });
    }
    expect(calls).toEqual([stranger, stranger, otherAudience, otherAudience]);
  });

  it('keeps at most maxEntries tokens, dropping the oldest', async () => {
    const { cached, calls } = counted({ maxEntries: 2 });
    const tokens = await Promise.all(['r-1', 'r-2', 'r-3'].map((requestId) => signGatewayContext({ ...referent, requestId }, { key: dev, audience: 'caf' })));
    for (const token of tokens) await cached(token);
    await cached(tokens[2]!);
    await cached(tokens[1]!);
    await expect(cached(tokens[0]!)).resolves.toEqual({ ...referent, requestId: 'r-1' });
    expect(calls).toEqual([...tokens, tokens[0]]);
  });
});
