import { AsyncLocalStorage } from 'node:async_hooks';
import type { AppelPasserelle } from '../security/appelPasserelle';

/**
 * Header a request to a subgraph may carry to read every legacy answer afresh: `1` skips the
 * legacy read caches and in-flight sharing (createLegacyReads.ts) for the whole request. A client
 * sends it to the gateway, which passes it on with each fetch of that request (gateway/src/PartnerDataSource.ts).
 */
export const cacheBypassHeader = 'x-passerelle-sans-cache';

/**
 * Header the gateway puts on every fetch it makes for a client's *query* (never for a mutation's
 * fetches, follow-up reads included): `1` lets the legacy answers this fetch reads serve the later
 * fetches of the same gateway request, to this subgraph process (createLegacyReads.ts, "one
 * request's reads"). Set by gateway/src/PartnerDataSource.ts.
 */
export const readOnlyRequestHeader = 'x-passerelle-lecture';

/** What legacy reads need to know about the request they are made for. */
interface LegacyReadScope {
  bypass: boolean;
  /** The gateway said this fetch belongs to a query (readOnlyRequestHeader). */
  readOnly: boolean;
  /** Who the request is made for (callerKeyOf), once its signed context is verified; '' before or outside a request. */
  caller: string;
  /** The gateway request this fetch belongs to, with its caller, once verified, for a read-only request; '' otherwise. */
  request: string;
}

const storage = new AsyncLocalStorage<LegacyReadScope>();

/**
 * Runs one request's execution: skipping the legacy read caches when `bypass`, letting its reads
 * serve its gateway request's later fetches when `readOnly` (createSubgraphServer.ts sets both
 * from the headers).
 */
export function runWithLegacyReadScope<T>(scope: { bypass: boolean; readOnly: boolean }, run: () => Promise<T>): Promise<T> {
  return storage.run({ ...scope, caller: '', request: '' }, run);
}

/**
 * Records who the request being executed is made for, from its verified signed context: a
 * caller-dependent read (legacyReadKind.ts) is shared in flight only with the same caller's.
 * Everything the context says about the caller and the purpose is in the key, so two callers
 * share nothing unless they have exactly the same rights. No-op outside a request.
 */
export function bindLegacyReadCaller(appel: AppelPasserelle): void {
  const scope = storage.getStore();
  if (scope === undefined) return;
  scope.caller = JSON.stringify([appel.caller, appel.finalite]);
  // The signed request id, with the caller: only this gateway request's own fetches share its reads.
  if (scope.readOnly) scope.request = JSON.stringify([appel.requestId, appel.caller, appel.finalite]);
}

/** True when the request being executed asked not to be served from a legacy read cache. */
export function cacheBypassed(): boolean {
  return storage.getStore()?.bypass ?? false;
}

/** Who the request being executed is made for ('' outside a request, or before its context is verified). */
export function legacyReadCaller(): string {
  return storage.getStore()?.caller ?? '';
}

/** The read-only gateway request being executed, with its caller ('' when none: outside a request, before verification, or a mutation's). */
export function legacyReadRequest(): string {
  return storage.getStore()?.request ?? '';
}
