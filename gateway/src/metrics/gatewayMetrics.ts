import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { GatewayMetricName } from './metricNames';

/**
 * The gateway's metrics, one registry per process, served at `GET /metrics`. Labels are bounded
 * (metricsPlugin.ts, `boundedLabel`): `operation` is a persisted operation's name or `other`,
 * `code` a registered or Apollo error code, `partenaire` and `subgraph` names the supergraph gives.
 */
export const gatewayRegistry = new Registry();

const name = (metric: GatewayMetricName) => metric;
/** A full file takes tens of ms on loopback; a caseload of 50 up to seconds; the fetch timeout is 10 s. */
const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const gatewayRequests = new Counter({
  name: name('passerelle_gateway_requests_total'),
  help: 'GraphQL requests answered, by operation (a persisted operation’s name, else `other`) and endpoint (graph, analystes).',
  labelNames: ['operation', 'endpoint'],
  registers: [gatewayRegistry],
});
export const gatewayRequestDuration = new Histogram({
  name: name('passerelle_gateway_request_duration_seconds'),
  help: 'Time from a GraphQL request’s start to its answer, by operation and endpoint.',
  labelNames: ['operation', 'endpoint'],
  buckets,
  registers: [gatewayRegistry],
});
export const gatewayErrors = new Counter({
  name: name('passerelle_gateway_errors_total'),
  help: 'Errors in answers, by code (extensions.code) and partner (extensions.partenaire, `none` without one).',
  labelNames: ['code', 'partenaire'],
  registers: [gatewayRegistry],
});
export const subgraphFetchDuration = new Histogram({
  name: name('passerelle_gateway_subgraph_fetch_duration_seconds'),
  help: 'Time of one fetch to a subgraph (signing, entity guard and HTTP), by subgraph.',
  labelNames: ['subgraph'],
  buckets,
  registers: [gatewayRegistry],
});
export const auditPendingRecords = new Gauge({
  name: name('passerelle_gateway_audit_pending_records'),
  help: 'Audit records appended and not yet written to the journal (the journal’s lag); each holds an answer back.',
  registers: [gatewayRegistry],
});
export const auditWriteErrors = new Counter({
  name: name('passerelle_gateway_audit_write_errors_total'),
  help: 'Audit records the journal failed to write (the answer was then withheld).',
  registers: [gatewayRegistry],
});
