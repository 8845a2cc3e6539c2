/**
 * Every metric the kit exports on a subgraph's `GET /metrics` (docs/observability.md lists them
 * with their labels; the dashboard may reference only these and the gateway's).
 */
export const kitMetricNames = [
  'passerelle_subgraph_requests_total',
  'passerelle_subgraph_request_duration_seconds',
  'passerelle_legacy_calls_total',
  'passerelle_legacy_call_duration_seconds',
  'passerelle_legacy_errors_total',
  'passerelle_legacy_retries_total',
  'passerelle_legacy_breaker_state',
  'passerelle_legacy_cache_hits_total',
  'passerelle_legacy_cache_shared_total',
  'passerelle_legacy_cache_misses_total',
  'passerelle_legacy_bulkhead_active',
  'passerelle_legacy_bulkhead_queued',
] as const;

export type KitMetricName = (typeof kitMetricNames)[number];
