import type { ConfigOf } from '../config/readConfig';
import type { gatewayContextEnv } from '../config/commonEnv';
import type { SubgraphServerOptions, SubgraphRequestContext } from '../server/createSubgraphServer';

/** What a subgraph's configuration holds about the gateway's signed context: the variables of `gatewayContextEnv()`. */
export type GatewayContextConfig = ConfigOf<ReturnType<typeof gatewayContextEnv>>;

/**
 * The one place that turns the gateway-context variables into the server's `gatewayContext`
 * option. Every subgraph goes through it (via `defineSubgraph`), so changing how subgraphs
 * verify the gateway's context changes this function and `gatewayContextEnv()` only.
 */
export function gatewayContextOptionsOf(config: GatewayContextConfig): SubgraphServerOptions<SubgraphRequestContext>['gatewayContext'] {
  return { secret: config.gatewayContextSecret, ttlS: config.gatewayContextTtlS };
}
