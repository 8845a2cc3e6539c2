import { context, propagation, ROOT_CONTEXT, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';

/**
 * Passerelle's tracer. Until startTracing registers a provider (or if it never does), it is
 * @opentelemetry/api's proxy to a no-op tracer.
 */
export const passerelleTracer = trace.getTracer('passerelle');

/**
 * Span attributes must never carry personal data: no NIR, name, address, opaque usager id,
 * variables, document or URL path — only names of systems and subgraphs, codes, counts, kinds,
 * states (docs/observability.md). Each call site passes such values only.
 */
export type SpanAttributes = Attributes;

/** Runs `work` in a span, child of the active one; the span records a thrown error's name (never its message) and ends with it. */
export async function withSpan<T>(name: string, attributes: SpanAttributes, work: (span: Span) => Promise<T>): Promise<T> {
  return passerelleTracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: errorNameOf(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The same for synchronous work (field authorization, which plans nothing and awaits nothing). */
export function withSpanSync<T>(name: string, attributes: SpanAttributes, work: (span: Span) => T): T {
  return passerelleTracer.startActiveSpan(name, { attributes }, (span) => {
    try {
      return work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: errorNameOf(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** A registered code (`PARTENAIRE_INDISPONIBLE`) or a class name: messages may quote a URL or a value. */
function errorNameOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return typeof error;
  const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
  return typeof code === 'string' ? code : (((error as { name?: unknown }).name as string | undefined) ?? 'Error');
}

/** The headers carrying the active span to the next hop (`traceparent`, `tracestate`); empty when tracing is off. */
export function traceHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  return headers;
}

/**
 * The context an incoming request's `traceparent` names, on top of the root context: a server's
 * spans are children of the caller's only through the headers, whatever runs in the same process.
 */
export function contextOfHeaders(headers: Readonly<Record<string, string | string[] | undefined>>): Context {
  return propagation.extract(ROOT_CONTEXT, headers);
}

/** Runs `work` in a server span continuing the trace an incoming request's headers name. */
export function withServerSpan<T>(name: string, headers: Readonly<Record<string, string | string[] | undefined>>, attributes: SpanAttributes, work: (span: Span) => Promise<T>): Promise<T> {
  return context.with(contextOfHeaders(headers), () => withSpan(name, attributes, work));
}
