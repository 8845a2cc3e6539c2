import { AsyncLocalStorage } from 'node:async_hooks';
import type { AppelPasserelle } from '../security/appelPasserelle';

/**
 * Header a request to a subgraph may carry to read every legacy answer afresh: `1` skips the
 * legacy read caches and in-flight sharing (createLegacyReads.ts) for the whole request. A client
 * sends it to the gateway, which passes it on with each fetch of that request (gateway/src/PartnerDataSource.ts).
 */
export const cacheBypassHeader = 'x-passerelle-sans-cache';

/** What legacy reads need to know about the request they are made for. */
interface LegacyReadScope {
  bypass: boolean;
  /** Who the request is made for (callerKeyOf), once its signed context is verified; '' before or outside a request. */
  caller: string;
}

const storage = new AsyncLocalStorage<LegacyReadScope>();

/** Runs one request's execution, skipping the legacy read caches when `bypass` (createSubgraphServer.ts sets it from the header). */
export function runWithCacheBypass<T>(bypass: boolean, run: () => Promise<T>): Promise<T> {
  return storage.run({ bypass, caller: '' }, run);
}

/**
 * Records who the request being executed is made for, from its verified signed context: a
 * caller-dependent read (legacyReadKind.ts) is shared in flight only with the same caller's.
 * Everything the context says about the caller and the purpose is in the key, so two callers
 * share nothing unless they have exactly the same rights. No-op outside a request.
 */
export function bindLegacyReadCaller(appel: AppelPasserelle): void {
  const scope = storage.getStore();
  if (scope !== undefined) scope.caller = JSON.stringify([appel.caller, appel.finalite]);
}

/** True when the request being executed asked not to be served from a legacy read cache. */
export function cacheBypassed(): boolean {
  return storage.getStore()?.bypass ?? false;
}

/** Who the request being executed is made for ('' outside a request, or before its context is verified). */
export function legacyReadCaller(): string {
  return storage.getStore()?.caller ?? '';
}
