import type { BenchRequest, LoadResult } from './benchTypes';
import { extendWindow } from './extendWindow';

/** One job the bench hands the load generator (an IPC message). */
export interface LoadJob {
  /** The gateway's graph, `http://127.0.0.1:<port>/graphql`: loopback only. */
  url: string;
  requests: BenchRequest[];
  /** Index of the first request to send; each next one is the next in the list, cycling. */
  start: number;
  clients: number;
  /** The measured window's nominal length, in s. */
  seconds: number;
  /** Answers the window should count: it grows past `seconds` until it does, up to `maxSeconds` (extendWindow.ts). @default 0 */
  minAnswers?: number;
  /** The longest the window may grow to, in s. @default seconds */
  maxSeconds?: number;
  /** Load before the window, at the same load, not counted (the loops are full when it opens). */
  warmupSeconds: number;
}

/** Sent over IPC when the measured window opens and closes, so that the bench reads /proc and the simulator's counters at those instants. */
export interface WindowEvent {
  window: 'open' | 'close';
}

type Answer = { errors?: Array<{ extensions?: { code?: unknown } }> };

export type LoadOutcome = (LoadResult & { next: number }) | { failure: string };

/**
 * One job: `clients` closed loops (each sends its next request when the last one is answered),
 * `warmupSeconds` then the measured window, then no new request while those under way finish.
 * The window lasts `seconds`, or longer when it has counted fewer than `minAnswers` answers
 * (extendWindow.ts). Only the requests answered inside the window count, over the window's
 * length: a steady-state rate, which neither the loops filling up nor the wait for the last
 * answers (up to a p99 at saturation, several seconds on the slowest rows) distorts. A request
 * fails on any HTTP status but 200, a body that is not JSON, or any GraphQL error, wherever it
 * falls: failures are counted over the whole job. Refuses any URL outside the loopback range.
 */
async function run(job: LoadJob, signal: (event: WindowEvent) => void): Promise<LoadResult & { next: number }> {
  const { hostname } = new URL(job.url);
  if (!/^127\.\d+\.\d+\.\d+$/.test(hostname) && hostname !== 'localhost' && hostname !== '[::1]') throw new Error('the load generator sends to loopback addresses only');
  const rule = { seconds: job.seconds, minAnswers: job.minAnswers ?? 0, maxSeconds: job.maxSeconds ?? job.seconds };
  // Every answer from the window's opening on, [instant, latency]: which ones count is known once it closes.
  const sinceOpen: Array<[number, number]> = [];
  const errorCodes = new Set<string>();
  let errors = 0;
  let answered = 0;
  let next = job.start;
  let closed = false;
  const open = performance.now() + job.warmupSeconds * 1000;
  let length = job.seconds;
  const openTimer = setTimeout(() => signal({ window: 'open' }), open - performance.now());
  let closeTimer: NodeJS.Timeout | undefined;
  const closedWindow = new Promise<void>((resolve) => {
    const check = () => {
      const end = open + length * 1000;
      const longer = extendWindow(rule, length, sinceOpen.filter(([t]) => t <= end).length);
      if (longer !== null) {
        length = longer;
        closeTimer = setTimeout(check, open + length * 1000 - performance.now());
        return;
      }
      closed = true;
      signal({ window: 'close' });
      resolve();
    };
    closeTimer = setTimeout(check, open + length * 1000 - performance.now());
  });
  const client = async () => {
    while (!closed) {
      const request = job.requests[next % job.requests.length]!;
      next += 1;
      const t0 = performance.now();
      let failure: string | null = null;
      try {
        const response = await fetch(job.url, { method: 'POST', headers: request.headers, body: request.body });
        const body = (await response.json()) as Answer;
        if (response.status !== 200) failure = `HTTP ${response.status}`;
        // Each distinct code once: a 50-usager list may carry the same partner's error fifty times.
        else if (body.errors?.length) failure = [...new Set(body.errors.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'NO_CODE')))].sort().join('+');
      } catch (error) {
        failure = error instanceof Error ? error.name : 'ERROR';
      }
      const t1 = performance.now();
      answered += 1;
      if (t1 >= open) sinceOpen.push([t1, Math.round((t1 - t0) * 10) / 10]);
      if (failure !== null) {
        errors += 1;
        if (errorCodes.size < 5) errorCodes.add(failure);
      }
    }
  };
  await Promise.all([closedWindow, ...Array.from({ length: job.clients }, client)]);
  clearTimeout(openTimer);
  clearTimeout(closeTimer);
  const end = open + length * 1000;
  const latenciesMs = sinceOpen.filter(([t]) => t <= end).map(([, latency]) => latency);
  return { requests: latenciesMs.length, answered, errors, seconds: length, latenciesMs, errorCodes: [...errorCodes], next };
}

/**
 * The bench's load generator, its own process (forked by startLoadGenerator.ts, started once so
 * that no round pays its start-up): each job received over IPC is run, and its outcome sent back.
 */
process.on('message', (job: LoadJob) => {
  run(job, (event) => process.send?.(event)).then(
    (result) => process.send?.(result),
    (error: unknown) => process.send?.({ failure: error instanceof Error ? error.message : String(error) }),
  );
});
