/** Messages between a gateway worker and its primary about `/metrics` (controlMessages.ts: their life; auditIpcMessages.ts: the journal). */
export const metricsChannel = 'passerelle-metrics';

/** Worker → primary: a scrape reached this worker; `id` pairs the answer. */
export type MetricsRequest = { channel: typeof metricsChannel; op: 'scrape'; id: number };

/** Primary → worker: every worker's metrics, aggregated, in Prometheus' text format; or why not. */
export type MetricsAnswer =
  { channel: typeof metricsChannel; op: 'metrics'; id: number; contentType: string; body: string } | { channel: typeof metricsChannel; op: 'metrics'; id: number; error: string };

const isMetrics = (message: unknown): message is Record<string, unknown> => typeof message === 'object' && message !== null && (message as { channel?: unknown }).channel === metricsChannel;

export function parseMetricsRequest(message: unknown): MetricsRequest | null {
  return isMetrics(message) && message.op === 'scrape' && Number.isSafeInteger(message.id) ? { channel: metricsChannel, op: 'scrape', id: message.id as number } : null;
}

export function parseMetricsAnswer(message: unknown): MetricsAnswer | null {
  if (!isMetrics(message) || message.op !== 'metrics' || !Number.isSafeInteger(message.id)) return null;
  const id = message.id as number;
  if (typeof message.error === 'string') return { channel: metricsChannel, op: 'metrics', id, error: message.error };
  return typeof message.body === 'string' && typeof message.contentType === 'string' ? { channel: metricsChannel, op: 'metrics', id, contentType: message.contentType, body: message.body } : null;
}
