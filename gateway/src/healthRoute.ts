import { sendJson, type RouteHandler } from '@passerelle/subgraph-kit/http';

/**
 * `GET /health`: 200 once the gateway has loaded its supergraph and while it serves, 503
 * before and while it shuts down, so a load balancer only sends traffic that can be planned.
 */
export function healthRoute(isReady: () => boolean): RouteHandler {
  return (_req, res) => {
    if (isReady()) sendJson(res, 200, { status: 'ok' });
    else sendJson(res, 503, { status: 'unavailable' });
  };
}
