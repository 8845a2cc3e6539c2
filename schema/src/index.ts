export { composeSupergraph, type CompositionResult } from './composeSupergraph';
export { subgraphList, readSdl, type SubgraphEntry } from './subgraphList';
export { supergraphPath, apiSchemaPath } from './paths';
export { findUndocumented } from './findUndocumented';
