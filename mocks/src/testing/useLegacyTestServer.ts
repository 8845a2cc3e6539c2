import type { SetupServer } from 'msw/node';
import { clearLegacyReadCaches } from '@passerelle/subgraph-kit';
import type { Population } from '../population/createPopulation';
import { createLegacyTestServer } from './legacyTestServer';
import { recordLegacyCalls, type LegacyCallRecorder } from './recordLegacyCalls';

/** What a test file gets from `useLegacyTestServer`; it exists from `beforeAll` on. */
export interface LegacyTestServerHandle {
  /** The msw server standing in for the legacy systems; tests add failures with `legacy.use()`. */
  readonly legacy: SetupServer;
  /** The calls `system` received during the current test. */
  calls(system: string): LegacyCallRecorder;
}

/**
 * Registers the Jest hooks every test against the simulated legacy systems needs: the msw server
 * answering `systems` from `population` starts before the file's tests, with each system's calls
 * recorded; before each test the recorded calls are forgotten, and so are the answers the legacy
 * read caches of this process kept (the subgraph under test runs here: a cached answer would hide
 * the failure or the count a test sets up), so counts are the test's own; after
 * each test the failures it added with `legacy.use()` are removed, so they do not leak into the
 * next; after the file the server closes.
 */
export function useLegacyTestServer(population: Population, systems: readonly string[]): LegacyTestServerHandle {
  let running: { legacy: SetupServer; recorders: Map<string, LegacyCallRecorder> } | undefined;
  const current = () => {
    if (!running) throw new Error('The legacy test server only exists once beforeAll has run.');
    return running;
  };

  beforeAll(() => {
    const legacy = createLegacyTestServer(population, systems);
    running = { legacy, recorders: new Map(systems.map((system) => [system, recordLegacyCalls(legacy, system)])) };
  });
  beforeEach(() => {
    for (const recorder of running?.recorders.values() ?? []) recorder.reset();
    clearLegacyReadCaches();
  });
  afterEach(() => running?.legacy.resetHandlers());
  afterAll(() => running?.legacy.close());

  return {
    get legacy() {
      return current().legacy;
    },
    calls(system) {
      const recorder = current().recorders.get(system);
      if (!recorder) throw new Error(`${system} is not one of the simulated systems here (${systems.join(', ')}).`);
      return recorder;
    },
  };
}
