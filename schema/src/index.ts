export { composeSupergraph, type CompositionResult } from './composeSupergraph';
export { subgraphEntries, readSdl, type SubgraphEntry } from './subgraphEntries';
export { supergraphPath, apiSchemaPath, analystesApiSchemaPath, compositionPathsOf } from './paths';
export { analystesContract, analystesContractName, contractCategories, contractRootCategories, type Contract } from './contract/analystesContract';
export { writeComposition, type CompositionOutcome } from './writeComposition';
export { findUndocumented } from './findUndocumented';
export { categoryOf, horsControle, type Requirement } from './check/classificationConvention';
export { readOperationsFolder, operationDocument, type OperationsFolder } from './operations/readOperationsFolder';
