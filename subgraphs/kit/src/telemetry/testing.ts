/**
 * For tests and `npm start`'s test hook: the exporter that keeps spans in memory. An entry of its
 * own (`@passerelle/subgraph-kit/telemetry/testing`), so that importing the kit's spans does not
 * load OpenTelemetry's SDK in a process with tracing off (startTracing.ts).
 */
export { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
