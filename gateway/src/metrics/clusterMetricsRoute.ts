import type { Logger } from '@passerelle/subgraph-kit';
import type { RouteHandler } from '@passerelle/subgraph-kit/http';
import type { MetricsText } from '../cluster/clusterMetrics';

/** `GET /metrics` of a gateway worker: every worker's metrics, aggregated by the primary; 503 when it cannot have them. */
export function clusterMetricsRoute(metrics: () => Promise<MetricsText>, logger: Logger): RouteHandler {
  return async (_req, res) => {
    try {
      const { contentType, body } = await metrics();
      res.writeHead(200, { 'content-type': contentType });
      res.end(body);
    } catch (error) {
      logger.warn('metrics not aggregated', { reason: error instanceof Error ? error.message : String(error) });
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The workers’ metrics could not be aggregated; try again.\n');
    }
  };
}
