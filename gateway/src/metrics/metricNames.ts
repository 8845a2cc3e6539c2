/**
 * Every metric the gateway exports on `GET /metrics` (docs/observability.md lists them with their
 * labels; the dashboard may reference only these and the kit's, `kitMetricNames`).
 */
export const gatewayMetricNames = [
  'passerelle_gateway_requests_total',
  'passerelle_gateway_request_duration_seconds',
  'passerelle_gateway_errors_total',
  'passerelle_gateway_subgraph_fetch_duration_seconds',
  'passerelle_gateway_audit_pending_records',
  'passerelle_gateway_audit_write_errors_total',
] as const;

export type GatewayMetricName = (typeof gatewayMetricNames)[number];
