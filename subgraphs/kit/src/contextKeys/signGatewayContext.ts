import { sign, type KeyObject } from 'node:crypto';
import { appelPasserelleSchema, type AppelPasserelle } from '../security/appelPasserelle';
import { defaultGatewayContextTtlS, gatewayContextAlgorithm, gatewayContextIssuer, gatewayContextType } from '../security/gatewayContextKey';
import type { GatewayContextSigningKey } from './GatewayContextSigningKey';

/** How one context is signed: with which key, for which subgraph, for how long. */
export interface GatewayContextSigning {
  key: GatewayContextSigningKey;
  /** The subgraph's name in the supergraph (`caf`). */
  audience: string;
  /** Lifetime in seconds. @default 60 */
  ttlS?: number;
}

/** Private keys already checked to be EC P-256 (the only curve ES256 allows). */
const checkedKeys = new WeakSet<KeyObject>();

/** The encoded protected header, by key object and kid: the same for every context that key signs. */
const headers = new WeakMap<KeyObject, Map<string, string>>();

function encodedHeaderOf(key: GatewayContextSigningKey): string {
  if (!checkedKeys.has(key.privateKey)) {
    if (key.privateKey.type !== 'private' || key.privateKey.asymmetricKeyType !== 'ec' || key.privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
      throw new TypeError('A gateway context is signed with an EC P-256 private key (ES256).');
    }
    checkedKeys.add(key.privateKey);
  }
  let byKid = headers.get(key.privateKey);
  if (!byKid) headers.set(key.privateKey, (byKid = new Map<string, string>()));
  let header = byKid.get(key.kid);
  if (header === undefined) {
    header = Buffer.from(JSON.stringify({ alg: gatewayContextAlgorithm, kid: key.kid, typ: gatewayContextType })).toString('base64url');
    byKid.set(key.kid, header);
  }
  return header;
}

/**
 * Signs the context of one gateway → subgraph fetch: a compact JWS (ES256, `kid` and `typ` in
 * its protected header) with `iss` `passerelle-gateway`, `aud` the subgraph, `iat`, `exp`
 * (`ttlS` later) and the claims `requestId`, `caller`, `finalite`. Only those three fields are
 * signed, whatever else `claims` holds; claims that do not match `AppelPasserelle` throw.
 *
 * The gateway signs one context per subgraph a request reaches, so this is on every request's
 * path: one synchronous ECDSA signature (`node:crypto`, IEEE P1363 encoding as JWS requires),
 * with the protected header encoded once per key. jose's `SignJWT` produces the same tokens
 * but signs through the thread pool, about four times the CPU for one signature
 * (docs/performance.md). Subgraphs still verify with jose (security/verifyGatewayContext.ts).
 */
export async function signGatewayContext(claims: AppelPasserelle, { key, audience, ttlS = defaultGatewayContextTtlS }: GatewayContextSigning): Promise<string> {
  const { requestId, caller, finalite } = appelPasserelleSchema.parse(claims);
  const now = Math.floor(Date.now() / 1000);
  const header = encodedHeaderOf(key);
  // The claims in the order jose's SignJWT wrote them.
  const payload = Buffer.from(JSON.stringify({ requestId, caller, finalite, iss: gatewayContextIssuer, aud: audience, iat: now, exp: now + ttlS })).toString('base64url');
  const signingInput = `${header}.${payload}`;
  const signature = sign('sha256', Buffer.from(signingInput), { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return Promise.resolve(`${signingInput}.${signature.toString('base64url')}`);
}
