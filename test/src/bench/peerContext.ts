import { randomUUID } from 'node:crypto';
import { callerFromClaims } from '@passerelle/gateway';
import { devGatewayContextKeysPath, readGatewayContextKeys, signGatewayContext } from '@passerelle/subgraph-kit/context-keys';
import { finalites, gatewayContextHeader, type AppelPasserelle, type Finalite } from '@passerelle/subgraph-kit/security';

export { gatewayContextHeader };

/** What a peer gateway signs for each subgraph fetch of one client request. */
export interface PeerContext {
  appel: AppelPasserelle;
  /** The signed context for one subgraph (the `x-passerelle-contexte` header's value). */
  signFor(audience: string): Promise<string>;
}

function claimsOf(authorization: string | null | undefined): Record<string, unknown> | null {
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : null;
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * How the bench's peer gateways (bare `@apollo/gateway`, Hive Gateway) talk to Passerelle's
 * subgraphs: the way a gateway another team ran would be configured to, with the signing key the
 * subgraphs trust (GATEWAY_CONTEXT_KEYS; default: the kit's development key, as `npm start`) and
 * each fetch carrying a context signed for that subgraph only (subgraphs/kit/src/security).
 * The caller is read from the bearer token's claims with the gateway's own mapping
 * (gateway/src/auth/callerFromClaims.ts) WITHOUT verifying its signature, and the purpose
 * header is taken as declared: these gateways have none of Passerelle's security layers, which
 * is what the bench compares. For the bench only; never started by `npm start` or a test but the
 * bench's smoke test.
 */
export function createPeerContextSigner(env: NodeJS.ProcessEnv = process.env): (authorization: string | null | undefined, finalite: string | null | undefined) => PeerContext {
  const { signing } = readGatewayContextKeys(env.GATEWAY_CONTEXT_KEYS || devGatewayContextKeysPath, 'GATEWAY_CONTEXT_KEYS');
  return (authorization, finaliteHeader) => {
    const claims = claimsOf(authorization);
    let caller: AppelPasserelle['caller'] = null;
    try {
      caller = claims ? callerFromClaims(claims) : null;
    } catch {
      caller = null;
    }
    const finalite = (finalites as readonly string[]).includes(finaliteHeader ?? '') ? (finaliteHeader as Finalite) : null;
    const appel: AppelPasserelle = { requestId: randomUUID(), caller, finalite };
    return { appel, signFor: (audience) => signGatewayContext(appel, { key: signing, audience }) };
  };
}
