import type { GraphQLDataSource } from '@apollo/gateway';
import { trace } from '@opentelemetry/api';
import { subgraphFetchDuration } from './gatewayMetrics';

/**
 * Times each fetch of a subgraph's data source and names the subgraph on @apollo/gateway's
 * `gateway.fetch` span, the active one while the source processes (its own attribute is `service`).
 */
export function instrumentDataSource<T extends GraphQLDataSource>(subgraph: string, source: T): T {
  const process = source.process.bind(source);
  source.process = async (options) => {
    trace.getActiveSpan()?.setAttribute('passerelle.subgraph', subgraph);
    const stopTimer = subgraphFetchDuration.startTimer({ subgraph });
    try {
      return await process(options);
    } finally {
      stopTimer();
    }
  };
  return source;
}
