import type { Population } from '../population/createPopulation';
import { useLegacyTestServer, type LegacyTestServerHandle } from './useLegacyTestServer';

/** A running subgraph, as the kit's `createSubgraphServer` returns it. */
export interface StoppableServer {
  url: string;
  stop(): Promise<void>;
}

/** What a subgraph's integration test file works with; `legacy`, `calls` and `server` exist from `beforeAll` on. */
export interface SubgraphTestBed<TServer extends StoppableServer> extends LegacyTestServerHandle {
  readonly population: Population;
  /** The subgraph under test. */
  readonly server: TServer;
}

export interface SubgraphTestBedOptions<TServer extends StoppableServer> {
  population: Population;
  /** The legacy systems the subgraph calls, answered in process from `population`. */
  systems: readonly string[];
  /** Starts the subgraph (on port 0) against `testUrlOf(system)`; called once the legacy systems answer. */
  start: () => Promise<TServer>;
}

/**
 * Registers the Jest hooks of a subgraph's integration tests, the same for every subgraph: those
 * of `useLegacyTestServer` (simulated systems, recorded calls, failures removed after each test),
 * plus the subgraph itself, started once before the file's tests and stopped after them.
 */
export function useSubgraphTestBed<TServer extends StoppableServer>({ population, systems, start }: SubgraphTestBedOptions<TServer>): SubgraphTestBed<TServer> {
  const simulated = useLegacyTestServer(population, systems);
  let server: TServer | undefined;
  // Declared after useLegacyTestServer's: Jest runs hooks in declaration order, so the systems answer before the subgraph starts.
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server?.stop());

  return {
    population,
    get legacy() {
      return simulated.legacy;
    },
    calls: (system) => simulated.calls(system),
    get server() {
      if (!server) throw new Error('The subgraph under test only exists once beforeAll has run.');
      return server;
    },
  };
}
