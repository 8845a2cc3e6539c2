export { defineSubgraph, type SubgraphDefinition, type SubgraphDescriptor, type SubgraphEnvSpec } from './defineSubgraph';
export { runSubgraph } from './runSubgraph';
export { legacyClientOptionsOf, type LegacyConfig, type LegacyClientOptions } from './legacyClientOptionsOf';
