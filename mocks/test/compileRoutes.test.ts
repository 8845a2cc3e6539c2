import { http, HttpResponse, type HttpHandler } from 'msw';
import { compilePath, compileRoutes, matchRoute } from '../src/server/compileRoutes';
import { legacyRoute } from '../src/simulators/legacyRoute';
import { createPopulation, legacySystems } from '../src/index';

const origin = 'http://127.0.0.1:4100';
const population = createPopulation({ size: 50, seed: 3 });

/** The handler msw picks for this call: the first whose own matching takes it (msw's getResponse order). */
async function mswChoice(handlers: readonly HttpHandler[], method: string, url: string): Promise<HttpHandler | null> {
  for (const handler of handlers) if (await handler.test({ request: new Request(url, { method }) })) return handler;
  return null;
}

describe('compilePath', () => {
  it('matches literal segments and :parameters, case-insensitively, with one optional trailing slash', () => {
    const { pattern, names } = compilePath(`${origin}/cd12/api/rsa/v1/referents/:idReferent/portefeuille`, origin)!;
    expect(names).toEqual(['idReferent']);
    expect(pattern.exec('/cd12/api/rsa/v1/referents/ref-001/portefeuille')?.[1]).toBe('ref-001');
    expect(pattern.test('/CD12/api/rsa/v1/referents/ref-001/portefeuille/')).toBe(true);
    expect(pattern.test('/cd12/api/rsa/v1/referents//portefeuille')).toBe(false);
    expect(pattern.test('/cd12/api/rsa/v1/referents/a/b/portefeuille')).toBe(false);
    expect(pattern.test('/cd12/api/rsa/v1/referents/ref-001/portefeuille/x')).toBe(false);
  });

  it('takes regular-expression characters of a path literally', () => {
    const { pattern } = compilePath(`${origin}/sia/adherents/v1/consultation-lot.json`, origin)!;
    expect(pattern.test('/sia/adherents/v1/consultation-lot.json')).toBe(true);
    expect(pattern.test('/sia/adherents/v1/consultation-lotxjson')).toBe(false);
  });

  it('leaves to msw a path with a wildcard, a group or an optional parameter, and a path under another origin', () => {
    expect(compilePath(`${origin}/caf/*`, origin)).toBeNull();
    expect(compilePath(`${origin}/caf/:id?`, origin)).toBeNull();
    expect(compilePath(`${origin}/caf/(a|b)`, origin)).toBeNull();
    expect(compilePath('http://elsewhere:4100/caf/x', origin)).toBeNull();
  });
});

describe('compileRoutes', () => {
  it('compiles every handler of every system of the repository, so that none is answered through msw', () => {
    for (const system of legacySystems) {
      const routes = compileRoutes(system.handlers(`${origin}${system.prefix}`, population), origin);
      expect({ system: system.name, compiled: routes !== null }).toEqual({ system: system.name, compiled: true });
    }
  });

  it('sends each call to the handler msw would have picked, on every route of every system', async () => {
    let checked = 0;
    for (const system of legacySystems) {
      const handlers = system.handlers(`${origin}${system.prefix}`, population);
      const routes = compileRoutes(handlers, origin)!;
      for (const { route } of routes) {
        const pathname = route.path.slice(origin.length).replace(/:(\w+)/g, 'v-$1%20x');
        for (const variant of [pathname, `${pathname}/`, pathname.toUpperCase(), `${pathname}/extra`]) {
          const expected = await mswChoice(handlers, route.method, `${origin}${variant}`);
          const found = matchRoute(routes, route.method, variant);
          expect({ system: system.name, variant, route: found ? handlers[routes.findIndex((r) => r.route === found.route)] : null }).toEqual({ system: system.name, variant, route: expected });
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(4 * 51);
  });

  it('gives the path parameters decoded, as msw does', () => {
    const routes = compileRoutes([legacyRoute.get(`${origin}/x/items/:id/:part`, () => HttpResponse.json({}))], origin)!;
    expect(matchRoute(routes, 'get', '/x/items/a%20b/c%2Fd')?.params).toEqual({ id: 'a b', part: 'c/d' });
    expect(matchRoute(routes, 'POST', '/x/items/a/b')).toBeNull();
    expect(() => matchRoute(routes, 'GET', '/x/items/%E0%A4%A/b')).toThrow(URIError);
  });

  it('is null for a system with a handler written with msw directly, which msw then answers', () => {
    const handlers = [legacyRoute.get(`${origin}/x/a`, () => HttpResponse.json({})), http.get(`${origin}/x/b`, () => HttpResponse.json({}))];
    expect(compileRoutes(handlers, origin)).toBeNull();
  });
});
