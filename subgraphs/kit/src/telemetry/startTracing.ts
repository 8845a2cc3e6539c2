import { context, propagation, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

export interface TracingOptions {
  /** The process's service name in every span's resource (`gateway`, `caf`, `federation` for `npm start`). */
  serviceName: string;
  /** OTEL_EXPORTER_OTLP_ENDPOINT (tracingEnv.ts): the collector's base URL; spans go to `<endpoint>/v1/traces`. */
  endpoint?: string | undefined;
  /** Tests and dev: spans go here (an `InMemorySpanExporter` the test reads), one by one as they end. */
  exporter?: SpanExporter;
}

/** The process's tracing, once started. */
export interface Tracing {
  /** False when neither an endpoint nor an exporter was given: every span is then a no-op. */
  readonly enabled: boolean;
  /** Flushes the spans not exported yet and unregisters the provider. */
  shutdown(): Promise<void>;
}

const off: Tracing = { enabled: false, shutdown: () => Promise.resolve() };

/**
 * Starts OpenTelemetry tracing for this process, or nothing. Off (no endpoint, no exporter), no
 * provider is registered: @opentelemetry/api then hands out non-recording spans and the W3C
 * propagator is not installed, so a span costs an object and no header is written. On, the
 * provider is global (one per process: `npm start` and the tests run the whole federation in one,
 * each service still propagating `traceparent` over HTTP, never through shared context), with the
 * W3C trace-context propagator and async-local context.
 */
export function startTracing(options: TracingOptions): Tracing {
  const exporter = options.exporter ?? (options.endpoint ? new OTLPTraceExporter({ url: `${options.endpoint}/v1/traces` }) : null);
  if (exporter === null) return off;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    // An in-memory exporter is read by a test right after a request: each span must be there when it ends.
    spanProcessors: [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  provider.register();
  return {
    enabled: true,
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
