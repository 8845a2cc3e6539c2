import path from 'node:path';
import { repositoryRoot } from '@passerelle/subgraph-kit/discovery';

/** The committed composition outputs of the repository at `root`. */
export function compositionPathsOf(root: string): { supergraphPath: string; apiSchemaPath: string; analystesApiSchemaPath: string } {
  return {
    supergraphPath: path.join(root, 'schema/supergraph.graphql'),
    apiSchemaPath: path.join(root, 'schema/api.graphql'),
    // The analysts' contract (schema/src/contract/analystesContract.ts).
    analystesApiSchemaPath: path.join(root, 'schema/api-analystes.graphql'),
  };
}

/** This repository's committed composition outputs. */
export const { supergraphPath, apiSchemaPath, analystesApiSchemaPath } = compositionPathsOf(repositoryRoot);

/** What `npm run schema:check` reads besides the subgraphs. */
export const breakingChangesPath = path.join(repositoryRoot, 'schema/breaking-changes.json');
export const operationsDir = path.join(repositoryRoot, 'gateway/operations');
export const persistedOperationsManifestPath = path.join(repositoryRoot, 'gateway/persisted-operations.json');
