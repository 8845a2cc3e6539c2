import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Header the gateway sets on every fetch to a subgraph (gateway/src/PartnerDataSource.ts): what
 * remains of its budget for that fetch, in ms, as it leaves. A budget rather than an instant, so
 * that the two machines' clocks need not agree.
 */
export const deadlineHeader = 'x-passerelle-echeance-ms';

/** The largest budget honoured (10 min); anything else in the header is ignored, as if absent. */
const maxBudgetMs = 600_000;

/**
 * When this subgraph stops legacy work for a request that carries `budget` ms, received `now`:
 * a tenth of the budget (at most 250 ms) is kept to send the partial answer back before the
 * gateway gives up on the fetch. null when the header is missing or malformed (no deadline: each
 * legacy call is still bounded by its own timeout and retries).
 */
export function deadlineOf(header: string | string[] | undefined, now: number = Date.now()): number | null {
  if (typeof header !== 'string' || !/^\d{1,9}$/.test(header)) return null;
  const budget = Number(header);
  if (budget < 1 || budget > maxBudgetMs) return null;
  return now + budget - Math.min(250, Math.floor(budget / 10));
}

const storage = new AsyncLocalStorage<number | null>();

/**
 * Runs one request's execution with its deadline (epoch ms, or null): every legacy call made
 * while it runs — from resolvers, DataLoader batches, retries — stops at it
 * (createLegacyResilience.ts). The kit's server wraps each GraphQL request in it
 * (createSubgraphServer.ts), so partners' code never passes it around.
 */
export function runWithDeadline<T>(deadline: number | null, run: () => Promise<T>): Promise<T> {
  return storage.run(deadline, run);
}

/** The deadline of the request being executed (epoch ms), or null when it has none or outside a request. */
export function currentDeadline(): number | null {
  return storage.getStore() ?? null;
}
