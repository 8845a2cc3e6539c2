import { randomUUID } from 'node:crypto';
import { devGatewayContextKeysPath, readGatewayContextKeys, signGatewayContext, type GatewayContextSigningKey } from '@passerelle/subgraph-kit/context-keys';
import { gatewayContextHeader, type AppelPasserelle } from '@passerelle/subgraph-kit/security';

/** Who a test calls a subgraph as; what it leaves out is anonymous: no caller, no purpose, a random request id. */
export type TestAppel = Partial<AppelPasserelle>;

/** How a test calls a subgraph: as the gateway does by default, or directly (`appel: null`). */
export interface SubgraphCallOptions {
  /** The context signed for the subgraph, as the gateway does. @default {} (anonymous). `null` sends none: a direct call, refused. */
  appel?: TestAppel | null;
  /** @default the development key pair (the gateway's default GATEWAY_CONTEXT_KEYS), which a subgraph started on the defaults trusts */
  key?: GatewayContextSigningKey;
}

/** A running subgraph, as the kit's `createSubgraphServer` returns it: where it listens, and its name (the audience of its contexts). */
export interface SubgraphTarget {
  url: string;
  name: string;
}

let devKey: GatewayContextSigningKey | undefined;

/** The development private key, read once: tests play the gateway on its defaults. */
export function devGatewayContextSigningKey(): GatewayContextSigningKey {
  devKey ??= readGatewayContextKeys(devGatewayContextKeysPath).signing;
  return devKey;
}

/** The header the gateway adds to a fetch to `subgraph`: a context signed for it (none when `appel` is null). */
export async function gatewayContextHeaders(subgraph: string, { appel = {}, key = devGatewayContextSigningKey() }: SubgraphCallOptions = {}): Promise<Record<string, string>> {
  if (appel === null) return {};
  const claims = { requestId: appel.requestId ?? randomUUID(), caller: appel.caller ?? null, finalite: appel.finalite ?? null };
  return { [gatewayContextHeader]: await signGatewayContext(claims, { key, audience: subgraph }) };
}
