import { defineEnv, envPort, envString } from '@passerelle/subgraph-kit';
import { devGatewayContextKeysPath } from '@passerelle/subgraph-kit/context-keys';

/** The configuration of the bench's peer gateways (bareApolloGateway.ts, hiveGateway.ts): one module for both processes. */
export const peerGatewayEnv = {
  port: defineEnv('BENCH_PEER_PORT', 0, envPort, 'Port of a peer gateway started by `npm run bench`.'),
  supergraphPath: defineEnv('SUPERGRAPH_PATH', '', envString(), 'The supergraph file the peer gateway plans on (the bench writes one with the subgraphs’ actual URLs).'),
  gatewayContextKeys: defineEnv(
    'GATEWAY_CONTEXT_KEYS',
    devGatewayContextKeysPath,
    envString(),
    'The signing keys of the contexts the subgraphs require (default: the development key, as `npm start`).',
  ),
};
