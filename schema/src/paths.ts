import path from 'node:path';

/** The committed composition outputs. */
export const supergraphPath = path.resolve(__dirname, '../supergraph.graphql');
export const apiSchemaPath = path.resolve(__dirname, '../api.graphql');

/** What `npm run schema:check` reads besides the subgraphs. */
export const repositoryRoot = path.resolve(__dirname, '../..');
export const breakingChangesPath = path.resolve(__dirname, '../breaking-changes.json');
export const operationsDir = path.resolve(repositoryRoot, 'gateway/operations');
export const persistedOperationsManifestPath = path.resolve(repositoryRoot, 'gateway/persisted-operations.json');
