import type { LegacyPlan } from './inferPlan';

/** mulberry32: a small seeded generator, so that a bound is the same for the same plans. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SimulatedBound {
  p50: number;
  p95: number;
}

/**
 * The time a request's legacy calls alone take, when each lasts a uniform draw on
 * [mean − jitter, mean + jitter] and starts as soon as what it waits for has ended: the
 * critical-path bound of `plans` at that latency, with nothing else costing anything (no
 * gateway, subgraph or network time). Each draw takes the plans in turn (several requests of
 * one scenario: several plans); p50 and p95 over `draws`, in ms, to 0.1 ms. null without a call.
 */
export function simulatePlans(plans: readonly LegacyPlan[], latency: { latencyMs: number; jitterMs: number }, draws = 20_000, seed = 1): SimulatedBound | null {
  const withCalls = plans.filter((p) => p.deps.length > 0);
  if (withCalls.length === 0) return null;
  if (latency.jitterMs < 0 || latency.jitterMs > latency.latencyMs) throw new RangeError('simulatePlans: the jitter must be between 0 and the latency');
  const random = seeded(seed);
  const low = latency.latencyMs - latency.jitterMs;
  const width = 2 * latency.jitterMs;
  const totals = new Float64Array(draws);
  for (let d = 0; d < draws; d += 1) {
    const plan = withCalls[d % withCalls.length]!;
    const end = new Float64Array(plan.deps.length);
    let total = 0;
    plan.deps.forEach((waits, i) => {
      let ready = 0;
      for (const j of waits) if (end[j]! > ready) ready = end[j]!;
      end[i] = ready + low + random() * width;
      if (end[i] > total) total = end[i]!;
    });
    totals[d] = total;
  }
  totals.sort();
  const at = (q: number) => Math.round(totals[Math.min(draws - 1, Math.floor(q * draws))]! * 10) / 10;
  return { p50: at(0.5), p95: at(0.95) };
}
