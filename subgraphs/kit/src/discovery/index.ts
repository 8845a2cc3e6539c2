export { discoverSubgraphs, SubgraphDiscoveryError, type DiscoveredSubgraph } from './discoverSubgraphs';
export { parsePasserelleBlock, subgraphNamePattern, type PasserelleBlock } from './passerelleBlock';
export { repositoryRoot } from './repositoryRoot';
