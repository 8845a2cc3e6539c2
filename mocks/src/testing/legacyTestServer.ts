import { setupServer, type SetupServer } from 'msw/node';
import type { Population } from '../population/createPopulation';
import { legacySystems } from '../simulators/legacySystems';

/** Base URL of a system's simulator in in-process tests: a host that does not exist, so nothing real is reached. */
export function testUrlOf(system: string): string {
  return `https://${system}.legacy.test`;
}

/**
 * msw in the test's own process, answering every legacy system at `testUrlOf(name)`.
 * Local traffic (subgraphs on 127.0.0.1) passes through; any other unhandled request is an
 * error, so a test cannot reach the network by accident. Tests add failures with `use()`.
 */
export function createLegacyTestServer(population: Population, systems: readonly string[] = legacySystems.map((s) => s.name)): SetupServer {
  const handlers = legacySystems.filter((s) => systems.includes(s.name)).flatMap((s) => s.handlers(testUrlOf(s.name), population, testUrlOf));
  const server = setupServer(...handlers);
  server.listen({
    onUnhandledRequest(request, print) {
      const { hostname } = new URL(request.url);
      if (hostname === '127.0.0.1' || hostname === 'localhost') return;
      print.error();
    },
  });
  return server;
}
