import type { GatewayConfig } from '../config';
import { createGlobalFetcher } from './createGlobalFetcher';
import { createPooledFetcher } from './createPooledFetcher';
import type { SubgraphFetcher } from './SubgraphFetcher';

/** The fetcher SUBGRAPH_FETCHER names, with SUBGRAPH_CONNECTIONS. */
export function createSubgraphFetcher(config: Pick<GatewayConfig, 'subgraphFetcher' | 'subgraphConnections'>): SubgraphFetcher {
  return config.subgraphFetcher === 'fetch' ? createGlobalFetcher() : createPooledFetcher({ connections: config.subgraphConnections });
}
