export { defineSubgraph, type SubgraphDefinition, type SubgraphDescriptor, type SubgraphEnvSpec } from './defineSubgraph';
export { runSubgraph } from './runSubgraph';
export { gatewayContextOptionsOf, type GatewayContextOptions } from './gatewayContextOptionsOf';
export { legacyClientOptionsOf, type LegacyConfig } from './legacyClientOptionsOf';
