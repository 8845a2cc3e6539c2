export { startTracing, type Tracing, type TracingOptions } from './startTracing';
export { passerelleTracer, withSpan, withSpanSync, withServerSpan, traceHeaders, contextOfHeaders, type SpanAttributes } from './spans';
