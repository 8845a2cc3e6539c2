import type { HttpHandler } from 'msw';
import { routeOf, type LegacyRoute } from '../simulators/legacyRoute';

/** A route ready for dispatch: its path as a pattern on the request's path name. */
export interface CompiledRoute {
  route: LegacyRoute;
  pattern: RegExp;
  /** The path's parameters, in the pattern's group order. */
  names: string[];
}

/** The route a call goes to, and its path parameters (decoded, as msw gives them). */
export interface RouteMatch {
  route: LegacyRoute;
  params: Record<string, string>;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The pattern msw (path-to-regexp 6, its defaults) matches `path` with, on a request's path name:
 * `:name` a non-empty segment, every other character literal, case-insensitive, one optional
 * trailing delimiter. Null when the path is not under `origin` or uses anything else (a wildcard,
 * a regular expression group, an optional or repeated parameter): msw itself must match that one.
 */
export function compilePath(path: string, origin: string): { pattern: RegExp; names: string[] } | null {
  if (!path.startsWith(`${origin}/`)) return null;
  const pathname = path.slice(origin.length);
  if (/[*?+(){}]/.test(pathname)) return null;
  const names: string[] = [];
  let source = '';
  let rest = pathname;
  for (let param = /:(\w+)/.exec(rest); param; param = /:(\w+)/.exec(rest)) {
    source += `${escapeRegExp(rest.slice(0, param.index))}([^\\/#\\?]+?)`;
    names.push(param[1]!);
    rest = rest.slice(param.index + param[0].length);
  }
  source += escapeRegExp(rest);
  return { pattern: new RegExp(`^${source}[\\/#\\?]?$`, 'i'), names };
}

/**
 * A system's handlers as routes, in the handlers' order (the first that matches answers, as in
 * msw); null when one of them was not built with `legacyRoute` or has a path `compilePath` does
 * not take: that system is then answered through msw's `getResponse`, as before.
 */
export function compileRoutes(handlers: readonly HttpHandler[], origin: string): CompiledRoute[] | null {
  const compiled: CompiledRoute[] = [];
  for (const handler of handlers) {
    const route = routeOf(handler);
    const path = route ? compilePath(route.path, origin) : null;
    if (!route || !path) return null;
    compiled.push({ route, ...path });
  }
  return compiled;
}

/** The first route answering `method` on `pathname`, or null (msw: no handler, the call is unhandled). */
export function matchRoute(routes: readonly CompiledRoute[], method: string, pathname: string): RouteMatch | null {
  for (const { route, pattern, names } of routes) {
    if (route.method !== method.toUpperCase()) continue;
    const found = pattern.exec(pathname);
    if (!found) continue;
    // decodeURIComponent throws on a malformed escape, as msw's matching does: the call fails (500).
    return { route, params: Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(found[index + 1]!)])) };
  }
  return null;
}
