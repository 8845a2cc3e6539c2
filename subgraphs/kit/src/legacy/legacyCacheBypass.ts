import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Header a request to a subgraph may carry to read every legacy answer afresh: `1` skips the
 * legacy read caches (createLegacyReads.ts) for the whole request. A client sends it to the
 * gateway, which passes it on with every fetch of that request (gateway/src/PartnerDataSource.ts).
 */
export const cacheBypassHeader = 'x-passerelle-sans-cache';

const storage = new AsyncLocalStorage<boolean>();

/** Runs one request's execution, skipping the legacy read caches when `bypass` (createSubgraphServer.ts sets it from the header). */
export function runWithCacheBypass<T>(bypass: boolean, run: () => Promise<T>): Promise<T> {
  return storage.run(bypass, run);
}

/** True when the request being executed asked not to be served from a legacy read cache. */
export function cacheBypassed(): boolean {
  return storage.getStore() ?? false;
}
