import { randomUUID } from 'node:crypto';
import { devGatewayContextSecret, gatewayContextHeader, signGatewayContext, type AppelPasserelle } from '@passerelle/subgraph-kit/security';

/** Who a test calls a subgraph as; what it leaves out is anonymous: no caller, no purpose, a random request id. */
export type TestAppel = Partial<AppelPasserelle>;

/** How a test calls a subgraph: as the gateway does by default, or directly (`appel: null`). */
export interface SubgraphCallOptions {
  /** The context signed for the subgraph, as the gateway does. @default {} (anonymous). `null` sends none: a direct call, refused. */
  appel?: TestAppel | null;
  /** @default the development GATEWAY_CONTEXT_SECRET, which a subgraph started on the defaults uses */
  secret?: string;
}

/** A running subgraph, as the kit's `createSubgraphServer` returns it: where it listens, and its name (the audience of its contexts). */
export interface SubgraphTarget {
  url: string;
  name: string;
}

/** The header the gateway adds to a fetch to `subgraph`: a context signed for it (none when `appel` is null). */
export async function gatewayContextHeaders(subgraph: string, { appel = {}, secret = devGatewayContextSecret }: SubgraphCallOptions = {}): Promise<Record<string, string>> {
  if (appel === null) return {};
  const claims = { requestId: appel.requestId ?? randomUUID(), caller: appel.caller ?? null, finalite: appel.finalite ?? null };
  return { [gatewayContextHeader]: await signGatewayContext(claims, { secret, audience: subgraph }) };
}
