import type { AppelPasserelle } from '@passerelle/subgraph-kit';

/**
 * Shares one in-flight gateway → subgraph fetch between identical ones (issue 11, item 2).
 * `share(key, run)`: while a fetch of that key is under way, the same promise; otherwise `run()`,
 * forgotten as soon as it settles — nothing is kept once answered, this is no cache.
 *
 * What is shared is the subgraph's answer as text: each caller parses its own copy, because
 * @apollo/gateway merges fetched objects into its result tree by reference and mutates them
 * (executeQueryPlan.js, deepMerge.js), so one parsed object must never serve two requests.
 */
export interface FetchCoalescer {
  share<T>(key: string, run: () => Promise<T>): Promise<T>;
  /** Fetches under way (tests, metrics). */
  readonly inFlight: number;
}

export function createFetchCoalescer(): FetchCoalescer {
  const pending = new Map<string, Promise<unknown>>();
  return {
    share<T>(key: string, run: () => Promise<T>): Promise<T> {
      const known = pending.get(key);
      if (known !== undefined) return known as Promise<T>;
      const started = run();
      pending.set(key, started);
      const forget = () => {
        if (pending.get(key) === started) pending.delete(key);
      };
      started.then(forget, forget);
      return started;
    },
    get inFlight() {
      return pending.size;
    },
  };
}

/** Coalescing off (SUBGRAPH_FETCH_COALESCING=false): every fetch its own. */
export const noCoalescing: FetchCoalescer = { share: (_key, run) => run(), inFlight: 0 };

/**
 * The part of a signed context a subgraph decides on: everything the gateway signs except the
 * request id (kit contextKeys/signGatewayContext.ts signs `requestId`, `caller`, `finalite`; the
 * kit's caller has no other field). Subgraphs authorize on the caller (subject, kind, roles,
 * organisation, partner, référent, usager: team membership and note audiences are decided from
 * them at the source) and the purpose; two fetches whose key differs here are never shared. The
 * fields are listed, not the object spread: a caller object may carry more (an id token) that the
 * signer drops, and the key must not depend on it.
 */
export function rightsKeyOf(appel: AppelPasserelle): string {
  const caller = appel.caller;
  return JSON.stringify(
    caller === null ? [null, appel.finalite] : [caller.subject, caller.kind, caller.roles, caller.organisation, caller.partenaire, caller.referentId, caller.usagerId, appel.finalite],
  );
}

/** The key of one fetch: the subgraph's URL, who asks with which rights, and the exact body (document, operation name, variables). */
export function coalesceKeyOf(url: string, appel: AppelPasserelle, body: string): string {
  return `${url}\n${rightsKeyOf(appel)}\n${body}`;
}
