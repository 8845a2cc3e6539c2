import { randomUUID } from 'node:crypto';
import type { AppelPasserelle, GatewayRequestContext } from '@passerelle/subgraph-kit/security';

// Until authentication fills the context, each operation still gets one request id for all its
// fetches: keyed by the operation's context object, forgotten with it (nothing else is kept).
const generatedIds = new WeakMap<object, string>();

/**
 * What the gateway tells a subgraph about one operation, from its Apollo context (a
 * `GatewayRequestContext` once authentication runs). What the context lacks is anonymous:
 * no caller, no purpose, and a random request id shared by the operation's fetches.
 */
export function appelOf(context: object): AppelPasserelle {
  const known = context as Partial<GatewayRequestContext>;
  let requestId = known.requestId;
  if (typeof requestId !== 'string' || requestId === '') {
    requestId = generatedIds.get(context) ?? randomUUID();
    generatedIds.set(context, requestId);
  }
  return { requestId, caller: known.caller ?? null, finalite: known.finalite ?? null };
}
