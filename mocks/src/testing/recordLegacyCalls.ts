import type { SetupServer } from 'msw/node';
import { testUrlOf } from './legacyTestServer';

/** The calls a legacy system received, for tests about batching and about calls not made. */
export interface LegacyCallRecorder {
  /** How many calls started since the last reset. */
  count(): number;
  /** Their JSON bodies, in the order the calls started (a body that is not JSON makes this reject). */
  bodies(): Promise<unknown[]>;
  /** Forgets the calls recorded so far. */
  reset(): void;
}

/**
 * Records every call to `system` on the msw server `legacy`, as it starts. Each body is read
 * from a clone of the request, so the handler still gets the original; reading is asynchronous,
 * which is why `bodies()` is a promise.
 */
export function recordLegacyCalls(legacy: SetupServer, system: string): LegacyCallRecorder {
  const base = `${testUrlOf(system)}/`;
  let started: Array<Promise<unknown>> = [];
  legacy.events.on('request:start', ({ request }) => {
    if (!request.url.startsWith(base)) return;
    const body = request
      .clone()
      .text()
      .then((text): unknown => JSON.parse(text));
    // A test that only counts never awaits the body: don't let a non-JSON one fail the run.
    body.catch(() => undefined);
    started.push(body);
  });
  return {
    count: () => started.length,
    bodies: () => Promise.all(started),
    reset: () => {
      started = [];
    },
  };
}
