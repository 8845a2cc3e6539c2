import { http, type HttpHandler, type HttpResponseResolver } from 'msw';

/** The HTTP methods a simulated legacy system answers. */
export type LegacyMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One endpoint of a simulated system: what its msw handler was built from. */
export interface LegacyRoute {
  method: LegacyMethod;
  /** The handler's path, as given to msw: `${baseUrl}/api/v1/dossiers/:id`. */
  path: string;
  resolver: HttpResponseResolver;
}

/** The route each handler built here was made from; a handler written with msw's `http` directly has none. */
const routes = new WeakMap<HttpHandler, LegacyRoute>();

function define(method: LegacyMethod, build: (path: string, resolver: HttpResponseResolver) => HttpHandler) {
  return (path: string, resolver: HttpResponseResolver): HttpHandler => {
    const handler = build(path, resolver);
    routes.set(handler, { method, path, resolver });
    return handler;
  };
}

/**
 * msw's `http.get/post/put/patch/delete`, remembering what each handler was built from. The
 * in-process tests use the handlers as msw handlers (`setupServer`); the HTTP simulator
 * (server/createSimulatorServer.ts) dispatches a call to its route's resolver itself
 * (server/compileRoutes.ts), without msw's per-call work (every handler of the system parsed and
 * tried in turn, the request cloned, a cookie store read), which cost about twice the resolvers'
 * own work and stood in for legacy latency in every figure the bench takes (docs/simulators.md).
 */
export const legacyRoute = {
  get: define('GET', (path, resolver) => http.get(path, resolver)),
  post: define('POST', (path, resolver) => http.post(path, resolver)),
  put: define('PUT', (path, resolver) => http.put(path, resolver)),
  patch: define('PATCH', (path, resolver) => http.patch(path, resolver)),
  delete: define('DELETE', (path, resolver) => http.delete(path, resolver)),
};

/** The route `handler` was built from by `legacyRoute`, or undefined. */
export function routeOf(handler: HttpHandler): LegacyRoute | undefined {
  return routes.get(handler);
}
