import { sendJson, type RouteHandler } from '@passerelle/subgraph-kit/http';

/** What the gateway needs before it takes traffic; each answers true when it holds. */
export interface ReadinessChecks {
  /** The supergraph is loaded and the gateway plans on it. */
  supergraph(): boolean;
  /** The identity provider's keys were fetched at least once (gateway/src/auth/createIdentityKeySet.ts). */
  identityProviderKeys(): boolean;
  /** The audit sink takes records: for the file journal, its lock held and no failed write. */
  auditSink(): Promise<boolean>;
  /** The gateway is not shutting down. */
  notStopping(): boolean;
}

/** The names `GET /ready` lists under `failing`: check names only, never a path, URL or reason. */
export type ReadinessCheckName = keyof ReadinessChecks;

/**
 * `GET /ready`: the readiness probe. 200 `{ status: 'ready' }` when every check holds; otherwise
 * 503 `{ status: 'unavailable', failing: [...] }`, so that a load balancer sends no request the
 * gateway would have to refuse: without the identity provider's keys every token is refused with
 * AUTHENTIFICATION_INDISPONIBLE, without a writable audit sink every personal read fails (the
 * record is written before the answer). A partner that is down is not a check: it costs its own
 * fields, and the other partners' answers must still be served (README, "Partial results").
 */
export function readyRoute(checks: ReadinessChecks): RouteHandler {
  return async (_req, res) => {
    const results: Record<ReadinessCheckName, boolean> = {
      supergraph: checks.supergraph(),
      identityProviderKeys: checks.identityProviderKeys(),
      auditSink: await checks.auditSink().catch(() => false),
      notStopping: checks.notStopping(),
    };
    const failing = (Object.keys(results) as ReadinessCheckName[]).filter((name) => !results[name]);
    if (failing.length === 0) sendJson(res, 200, { status: 'ready' });
    else sendJson(res, 503, { status: 'unavailable', failing });
  };
}
