import type { BenchRequest, LoadResult } from './benchTypes';

/** One job the bench hands the load generator (an IPC message). */
export interface LoadJob {
  /** The gateway's graph, `http://127.0.0.1:<port>/graphql`: loopback only. */
  url: string;
  requests: BenchRequest[];
  /** Index of the first request to send; each next one is the next in the list, cycling. */
  start: number;
  clients: number;
  seconds: number;
}

type Answer = { errors?: Array<{ extensions?: { code?: unknown } }> };

export type LoadOutcome = (LoadResult & { next: number }) | { failure: string };

/**
 * One job: `clients` closed loops (each sends its next request when the last one is answered)
 * for `seconds`. A request fails on any HTTP status but 200, a body that is not JSON, or any
 * GraphQL error. Refuses any URL outside the loopback range.
 */
async function run(job: LoadJob): Promise<LoadResult & { next: number }> {
  const { hostname } = new URL(job.url);
  if (!/^127\.\d+\.\d+\.\d+$/.test(hostname) && hostname !== 'localhost' && hostname !== '[::1]') throw new Error('the load generator sends to loopback addresses only');
  const latenciesMs: number[] = [];
  const errorCodes = new Set<string>();
  let errors = 0;
  let next = job.start;
  const begin = performance.now();
  const end = begin + job.seconds * 1000;
  const client = async () => {
    while (performance.now() < end) {
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
      latenciesMs.push(Math.round((performance.now() - t0) * 10) / 10);
      if (failure !== null) {
        errors += 1;
        if (errorCodes.size < 5) errorCodes.add(failure);
      }
    }
  };
  await Promise.all(Array.from({ length: job.clients }, client));
  return { requests: latenciesMs.length, errors, seconds: Math.round(performance.now() - begin) / 1000, latenciesMs, errorCodes: [...errorCodes], next };
}

/**
 * The bench's load generator, its own process (forked by startLoadGenerator.ts, started once so
 * that no round pays its start-up): each job received over IPC is run, and its outcome sent back.
 */
process.on('message', (job: LoadJob) => {
  run(job).then(
    (result) => process.send?.(result),
    (error: unknown) => process.send?.({ failure: error instanceof Error ? error.message : String(error) }),
  );
});
