import path from 'node:path';

/** The canonical SDL of the shared statistics types, which every partner's schema.graphql copies verbatim. */
export const statistiquesTypeDefsPath = path.resolve(__dirname, 'statistiques.graphql');
