import { context, propagation, trace } from '@opentelemetry/api';
import type * as OtlpHttpExporter from '@opentelemetry/exporter-trace-otlp-http';
import type * as Resources from '@opentelemetry/resources';
import type * as SdkTraceBase from '@opentelemetry/sdk-trace-base';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type * as SdkTraceNode from '@opentelemetry/sdk-trace-node';

/** The resource attribute naming the service (OpenTelemetry's semantic conventions, `ATTR_SERVICE_NAME`: its package is 1.7 MiB of source for this one name). */
const serviceNameAttribute = 'service.name';

/**
 * The SDK, loaded when tracing starts, not with the kit: the provider, the exporter and what they
 * pull in are about 4 MiB of source that a process with tracing off (the default) would keep in
 * its heap for nothing (docs/performance.md, "Memory").
 */
function loadSdk() {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    base: require('@opentelemetry/sdk-trace-base') as typeof SdkTraceBase,
    node: require('@opentelemetry/sdk-trace-node') as typeof SdkTraceNode,
    resources: require('@opentelemetry/resources') as typeof Resources,
    otlp: () => require('@opentelemetry/exporter-trace-otlp-http') as typeof OtlpHttpExporter,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

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
  if (!options.exporter && !options.endpoint) return off;
  const sdk = loadSdk();
  const exporter = options.exporter ?? new (sdk.otlp().OTLPTraceExporter)({ url: `${options.endpoint}/v1/traces` });
  const provider = new sdk.node.NodeTracerProvider({
    resource: sdk.resources.resourceFromAttributes({ [serviceNameAttribute]: options.serviceName }),
    // An in-memory exporter is read by a test right after a request: each span must be there when it ends.
    spanProcessors: [options.exporter ? new sdk.base.SimpleSpanProcessor(exporter) : new sdk.base.BatchSpanProcessor(exporter)],
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
