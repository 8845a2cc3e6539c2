import path from 'node:path';

/** The name of the gateway's own subgraph in the supergraph: the gateway answers it in-process (createCrossingsDataSource.ts). */
export const crossingsSubgraphName = 'croisements';

/** Its SDL, composed with the partners' by `npm run compose` (schema/src/subgraphEntries.ts). */
export const crossingsTypeDefsPath = path.resolve(__dirname, 'croisements.graphql');
