import { sendJson, type RouteHandler } from '../http/createGraphQLHttpServer';

/**
 * A subgraph's probes. `GET /health` (alive): 200 while the process answers. `GET /ready`: 200
 * while it takes traffic, 503 once it is shutting down. A subgraph serves at all only once its
 * configuration was read and valid (runSubgraph exits 2 otherwise) and its schema built.
 *
 * Whether the partner's legacy system answers is deliberately not a check: a subgraph taken out
 * of the load balancer answers nothing, while one whose system is down still answers in a few
 * ms with PARTENAIRE_INDISPONIBLE from its open breaker (legacy/), serves the fields that need no
 * call, and lets the gateway name the partner at fault (docs/operations.md, "A partner's system is down").
 */
export function subgraphProbeRoutes(name: string, stopping: () => boolean): Record<'GET /health' | 'GET /ready', RouteHandler> {
  return {
    'GET /health': (_req, res) => sendJson(res, 200, { status: 'ok', subgraph: name }),
    'GET /ready': (_req, res) => (stopping() ? sendJson(res, 503, { status: 'unavailable', subgraph: name, failing: ['notStopping'] }) : sendJson(res, 200, { status: 'ready', subgraph: name })),
  };
}
