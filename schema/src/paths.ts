import path from 'node:path';

/** The committed composition outputs. */
export const supergraphPath = path.resolve(__dirname, '../supergraph.graphql');
export const apiSchemaPath = path.resolve(__dirname, '../api.graphql');
