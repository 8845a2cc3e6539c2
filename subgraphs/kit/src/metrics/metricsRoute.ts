import type { Registry } from 'prom-client';
import type { RouteHandler } from '../http/createGraphQLHttpServer';

/**
 * `GET /metrics`: the registries' metrics in Prometheus' text format. Open like /health: no
 * label carries personal data (docs/observability.md), and the network policy keeps it to the
 * agency's monitoring.
 */
export function metricsRoute(...registries: Registry[]): RouteHandler {
  return async (_req, res) => {
    const texts = await Promise.all(registries.map((registry) => registry.metrics()));
    res.writeHead(200, { 'content-type': registries[0]?.contentType ?? 'text/plain; version=0.0.4; charset=utf-8' });
    res.end(texts.join('\n'));
  };
}
