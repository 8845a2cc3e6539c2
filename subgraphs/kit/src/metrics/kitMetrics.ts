import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { KitMetricName } from './kitMetricNames';

/**
 * The kit's metrics, one registry per process (a subgraph's process serves them at /metrics).
 * Labels: `subgraph` (its name), `system` (a legacy client's `partenaire`: `caf`, `rah`…), `kind`
 * (read / write), `code` (a registered error code), `outcome`: all fixed by code, none from a
 * request. `npm start` and the tests run every subgraph in one process: each /metrics then shows
 * every subgraph's and system's series, told apart by those labels.
 */
export const kitRegistry = new Registry();

const name = (metric: KitMetricName) => metric;
/** Legacy calls answer in milliseconds to seconds; subgraph requests up to their deadline (10 s by default). */
const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const subgraphRequests = new Counter({
  name: name('passerelle_subgraph_requests_total'),
  help: 'GraphQL requests a subgraph served, by subgraph.',
  labelNames: ['subgraph'],
  registers: [kitRegistry],
});
export const subgraphRequestDuration = new Histogram({
  name: name('passerelle_subgraph_request_duration_seconds'),
  help: 'Time a subgraph took to answer a GraphQL request, by subgraph.',
  labelNames: ['subgraph'],
  buckets,
  registers: [kitRegistry],
});
export const legacyCalls = new Counter({
  name: name('passerelle_legacy_calls_total'),
  help: 'Calls to a legacy system (a shared or cached read counts once, when made), by system and kind (read, write).',
  labelNames: ['system', 'kind'],
  registers: [kitRegistry],
});
export const legacyCallDuration = new Histogram({
  name: name('passerelle_legacy_call_duration_seconds'),
  help: 'Duration of a legacy call, retries, queueing and backoff included, by system and kind.',
  labelNames: ['system', 'kind'],
  buckets,
  registers: [kitRegistry],
});
export const legacyErrors = new Counter({
  name: name('passerelle_legacy_errors_total'),
  help: 'Legacy calls that failed, by system and registered error code (PARTENAIRE_INDISPONIBLE, PARTENAIRE_DELAI_DEPASSE…).',
  labelNames: ['system', 'code'],
  registers: [kitRegistry],
});
export const legacyRetries = new Counter({ name: name('passerelle_legacy_retries_total'), help: 'Retried attempts of idempotent reads, by system.', labelNames: ['system'], registers: [kitRegistry] });
export const legacyCacheHits = new Counter({
  name: name('passerelle_legacy_cache_hits_total'),
  help: 'Idempotent reads answered from the read cache, by system.',
  labelNames: ['system'],
  registers: [kitRegistry],
});
export const legacyCacheShared = new Counter({
  name: name('passerelle_legacy_cache_shared_total'),
  help: 'Idempotent reads that joined an identical read in flight, or were reused within the same gateway request, by system.',
  labelNames: ['system'],
  registers: [kitRegistry],
});
export const legacyCacheMisses = new Counter({
  name: name('passerelle_legacy_cache_misses_total'),
  help: 'Idempotent reads that called the system (not cached, not in flight, or the cache bypassed), by system.',
  labelNames: ['system'],
  registers: [kitRegistry],
});

/** What the gauges read from each legacy client when scraped. */
export interface LegacySystemProbe {
  breakerState(): 'closed' | 'half-open' | 'open';
  /** Calls in flight and calls waiting for a slot in the bulkhead. */
  bulkhead(): { active: number; queued: number };
}

const probes = new Map<string, LegacySystemProbe>();

/** Registers a legacy client's gauges under its system's name (the last client built for a system wins: one per process in practice). */
export function registerLegacySystem(system: string, probe: LegacySystemProbe): void {
  probes.set(system, probe);
}

const breakerValue = { closed: 0, 'half-open': 1, open: 2 } as const;

new Gauge({
  name: name('passerelle_legacy_breaker_state'),
  help: 'Circuit breaker of a legacy system: 0 closed, 1 half-open (one probe call let through), 2 open (calls fail at once).',
  labelNames: ['system'],
  registers: [kitRegistry],
  collect() {
    for (const [system, probe] of probes) this.set({ system }, breakerValue[probe.breakerState()]);
  },
});
new Gauge({
  name: name('passerelle_legacy_bulkhead_active'),
  help: 'Calls in flight towards a legacy system (at most its _MAX_CONCURRENCY).',
  labelNames: ['system'],
  registers: [kitRegistry],
  collect() {
    for (const [system, probe] of probes) this.set({ system }, probe.bulkhead().active);
  },
});
new Gauge({
  name: name('passerelle_legacy_bulkhead_queued'),
  help: 'Calls waiting for a slot towards a legacy system (beyond its _MAX_QUEUE they fail at once).',
  labelNames: ['system'],
  registers: [kitRegistry],
  collect() {
    for (const [system, probe] of probes) this.set({ system }, probe.bulkhead().queued);
  },
});
