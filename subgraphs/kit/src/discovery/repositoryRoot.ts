import path from 'node:path';

/** The repository's root directory (this file is subgraphs/kit/src/discovery/repositoryRoot.ts). */
export const repositoryRoot = path.resolve(__dirname, '../../../..');
