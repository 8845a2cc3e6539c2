/** Latency figures of a series of timed calls, in milliseconds. */
export interface Measurement {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  max: number;
  failures: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Runs `call` `total` times with `concurrency` in flight, bounded by `maxSeconds` (it stops
 * early rather than run away), and reports throughput and latency percentiles.
 */
export async function measure(call: () => Promise<boolean>, total: number, concurrency: number, maxSeconds = 60): Promise<Measurement> {
  const durations: number[] = [];
  let failures = 0;
  let started = 0;
  const deadline = Date.now() + maxSeconds * 1000;
  const begin = performance.now();
  const worker = async () => {
    while (started < total && Date.now() < deadline) {
      started += 1;
      const t0 = performance.now();
      const ok = await call().catch(() => false);
      durations.push(performance.now() - t0);
      if (!ok) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - begin) / 1000;
  const sorted = [...durations].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    requests: durations.length,
    seconds: round(seconds),
    perSecond: round(durations.length / seconds),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted.at(-1) ?? 0),
    failures,
  };
}
