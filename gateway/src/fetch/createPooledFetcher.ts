import { Pool } from 'undici';
import type { SubgraphFetcher } from './SubgraphFetcher';

export interface PooledFetcherOptions {
  /** Connections kept to one subgraph origin at most (SUBGRAPH_CONNECTIONS); further requests queue in the pool. */
  connections: number;
}

/**
 * The gateway's fetcher: undici's `request` over one keep-alive `Pool` per subgraph origin.
 * No WHATWG Request/Response/Headers objects, no web streams, no AbortSignal per fetch: a CPU
 * profile at 50 clients put Node's global fetch at 30–45 % of the gateway's time
 * (docs/performance.md). The budget is undici's own timers: `headersTimeout` until the answer's
 * headers, `bodyTimeout` between body chunks (a subgraph writes its JSON at once, kit
 * http/createGraphQLHttpServer.ts), so a fetch ends within the budget plus one chunk's wait.
 */
export function createPooledFetcher({ connections }: PooledFetcherOptions): SubgraphFetcher {
  const pools = new Map<string, Pool>();
  const poolOf = (origin: string): Pool => {
    let pool = pools.get(origin);
    if (pool === undefined) {
      pool = new Pool(origin, { connections, pipelining: 1 });
      pools.set(origin, pool);
    }
    return pool;
  };
  // Parsed once per URL: a data source posts to the same one every time.
  const targets = new Map<string, { origin: string; path: string }>();
  const targetOf = (url: string): { origin: string; path: string } => {
    let target = targets.get(url);
    if (target === undefined) {
      const parsed = new URL(url);
      target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
      targets.set(url, target);
    }
    return target;
  };
  return {
    async post(url, headers, body, timeoutMs) {
      const { origin, path } = targetOf(url);
      const answer = await poolOf(origin).request({ method: 'POST', path, headers, body, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
      const contentType = answer.headers['content-type'];
      return { status: answer.statusCode, contentType: Array.isArray(contentType) ? contentType[0] : contentType, body: await answer.body.text() };
    },
    async close() {
      const all = [...pools.values()];
      pools.clear();
      await Promise.all(all.map((pool) => pool.close()));
    },
  };
}
