import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One finished span, as an OTLP exporter sent it: which process, which trace, when (epoch ms). */
export interface CollectedSpan {
  service: string;
  traceId: string;
  spanId: string;
  /** Null for a trace's root (the gateway's `gateway request`: the load generator sends no `traceparent`). */
  parentSpanId: string | null;
  name: string;
  startMs: number;
  endMs: number;
  attributes: Readonly<Record<string, string | number | boolean>>;
}

/** A local OpenTelemetry collector: every span posted to it, kept in memory. */
export interface SpanSink {
  /** What the processes' OTEL_EXPORTER_OTLP_ENDPOINT should say (spans go to `<endpoint>/v1/traces`). */
  endpoint: string;
  spans(): readonly CollectedSpan[];
  /** Posts it could not read (not OTLP JSON): each one is a batch of spans lost. */
  refused(): number;
  stop(): Promise<void>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
}
interface OtlpAttribute {
  key: string;
  value?: OtlpValue;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  startTimeUnixNano: string | number;
  endTimeUnixNano: string | number;
  attributes?: OtlpAttribute[];
}
interface OtlpRequest {
  resourceSpans?: Array<{ resource?: { attributes?: OtlpAttribute[] }; scopeSpans?: Array<{ spans?: OtlpSpan[] }> }>;
}

const valueOf = (value: OtlpValue | undefined): string | number | boolean | undefined =>
  value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue)) ?? value?.doubleValue ?? value?.boolValue;

const attributesOf = (list: readonly OtlpAttribute[] | undefined): Record<string, string | number | boolean> =>
  Object.fromEntries((list ?? []).flatMap(({ key, value }) => (valueOf(value) === undefined ? [] : [[key, valueOf(value)!]])));

/** Nanoseconds since the epoch (OTLP JSON writes them as a decimal string) to ms, to the µs. */
const msOf = (nanos: string | number): number => Number(BigInt(nanos) / 1000n) / 1000;

/**
 * The spans of one OTLP/HTTP JSON export request (what `@opentelemetry/exporter-trace-otlp-http`
 * posts: ids in hex, times in ns as strings), with the service each came from. Throws on
 * anything else, so that a sink never mistakes a payload it cannot read for an empty one.
 */
export function spansOfOtlpJson(body: unknown): CollectedSpan[] {
  const request = body as OtlpRequest;
  if (typeof request !== 'object' || request === null || !Array.isArray(request.resourceSpans)) throw new Error('not an OTLP JSON trace export (no resourceSpans)');
  return request.resourceSpans.flatMap((resourceSpans) => {
    const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name'] ?? 'unknown');
    return (resourceSpans.scopeSpans ?? []).flatMap((scope) =>
      (scope.spans ?? []).map((span) => ({
        service,
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId ? span.parentSpanId : null,
        name: span.name,
        startMs: msOf(span.startTimeUnixNano),
        endMs: msOf(span.endTimeUnixNano),
        attributes: attributesOf(span.attributes),
      })),
    );
  });
}

/** Starts the sink on a free loopback port. */
export async function startSpanSink(): Promise<SpanSink> {
  const collected: CollectedSpan[] = [];
  let refused = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/traces' || !(req.headers['content-type'] ?? '').includes('application/json')) {
        refused += 1;
        res.writeHead(415).end();
        return;
      }
      try {
        collected.push(...spansOfOtlpJson(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } catch {
        refused += 1;
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    spans: () => collected,
    refused: () => refused,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
