import { sendJson, type RouteHandler } from '@passerelle/subgraph-kit/http';

/**
 * `GET /health`: the liveness probe. 200 whenever the process answers HTTP at all: restarting a
 * gateway whose partners, identity provider or audit database are down would not bring them back,
 * so none of that is checked here (`GET /ready`, gateway/src/readyRoute.ts, says whether to send it
 * traffic). The benchmark and the fault tests wait on it (test/src/bench/spawnService.ts).
 */
export function healthRoute(): RouteHandler {
  return (_req, res) => sendJson(res, 200, { status: 'ok' });
}
