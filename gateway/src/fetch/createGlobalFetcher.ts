import type { SubgraphFetcher } from './SubgraphFetcher';

/**
 * Node's global fetch, one `AbortSignal.timeout` per fetch: the gateway's fetcher before the
 * pooled one (createPooledFetcher.ts), kept for SUBGRAPH_FETCHER=fetch — what interceptors of
 * the global fetch (msw) see; undici's `request` goes around them.
 */
export function createGlobalFetcher(): SubgraphFetcher {
  return {
    async post(url, headers, body, timeoutMs) {
      const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
      return { status: response.status, contentType: response.headers.get('content-type') ?? undefined, body: await response.text() };
    },
    async close() {},
  };
}
