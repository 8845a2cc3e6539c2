import { AggregatorRegistry, type Registry } from 'prom-client';
import type { AuditIpcChannel } from './AuditIpcChannel';
import { metricsChannel, parseMetricsAnswer, parseMetricsRequest, type MetricsAnswer, type MetricsRequest } from './metricsIpcMessages';

/** What `/metrics` answers: Prometheus' text format. */
export interface MetricsText {
  contentType: string;
  body: string;
}

/** How long a worker waits for the primary's aggregate before answering `/metrics` with an error. */
const scrapeTimeoutMs = 10_000;

/**
 * In a worker: answers the primary's requests for this process's metrics (prom-client's cluster
 * protocol, for `registry`), and returns how to get every worker's, aggregated, from the primary.
 * A scrape of `/metrics` reaches one worker (round-robin); without this it would see that worker's
 * counters only, and a rate over successive scrapes would jump between workers.
 */
export function workerClusterMetrics(channel: AuditIpcChannel, registry: Registry): () => Promise<MetricsText> {
  // Constructing one installs prom-client's listener for the primary's requests; it then reads `registry`.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
  let nextId = 1;
  const waiting = new Map<number, (answer: MetricsAnswer) => void>();
  channel.onMessage((message) => {
    const answer = parseMetricsAnswer(message);
    if (answer) waiting.get(answer.id)?.(answer);
  });
  return () =>
    new Promise<MetricsText>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error('the primary did not answer with the workers’ metrics in time'));
      }, scrapeTimeoutMs);
      waiting.set(id, (answer) => {
        clearTimeout(timer);
        waiting.delete(id);
        if ('error' in answer) reject(new Error(answer.error));
        else resolve({ contentType: answer.contentType, body: answer.body });
      });
      channel.send({ channel: metricsChannel, op: 'scrape', id } satisfies MetricsRequest, (error) => {
        clearTimeout(timer);
        waiting.delete(id);
        reject(error);
      });
    });
}

/**
 * In the primary: answers a worker's `scrape` with every live worker's metrics, summed by
 * prom-client's AggregatorRegistry (counters and histograms added, gauges summed). Returns false
 * for any other message.
 */
export function serveClusterMetrics(): (message: unknown, reply: (answer: MetricsAnswer) => void) => boolean {
  const aggregator = new AggregatorRegistry();
  return (message, reply) => {
    const request = parseMetricsRequest(message);
    if (request === null) return false;
    aggregator.clusterMetrics().then(
      (body) => reply({ channel: metricsChannel, op: 'metrics', id: request.id, contentType: aggregator.contentType, body }),
      (error: unknown) => reply({ channel: metricsChannel, op: 'metrics', id: request.id, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  };
}
