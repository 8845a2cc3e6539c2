// The one place that turns the gateway-context variables into the server's option lives with the
// server (subgraphs/kit/src/server/gatewayContextOptionsOf.ts); `defineSubgraph` goes through it.
export { gatewayContextOptionsOf, type GatewayContextOptions } from '../server/gatewayContextOptionsOf';
