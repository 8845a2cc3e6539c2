import path from 'node:path';
import { defineSubgraph, legacyClientOptionsOf, resolversStatistiques, type StatistiquesParent } from '@passerelle/subgraph-kit';
import { cafEnv } from './config';
import type { CafContext } from './context';
import { createCafClient } from './legacy/client';
import { createLoaders } from './loaders';
import { DossierCaf } from './resolvers/DossierCaf';
import { pseudonymesCaf } from './resolvers/pseudonymesCaf';
import { StatistiquesCaf } from './resolvers/StatistiquesCaf';
import { Usager } from './resolvers/Usager';

/** The CAF subgraph. */
export const subgraph = defineSubgraph({
  name: 'caf',
  typeDefsPath: path.resolve(__dirname, '../schema.graphql'),
  env: cafEnv,
  resolvers: {
    Usager,
    DossierCaf,
    Query: { ...resolversStatistiques.Query, pseudonymesCaf },
    Statistiques: { ...resolversStatistiques.Statistiques, caf: (parent: StatistiquesParent) => parent },
    StatistiquesCaf,
  },
  createContext(config) {
    const caf = createCafClient(legacyClientOptionsOf(config));
    return (base): CafContext => ({ ...base, loaders: createLoaders(caf) });
  },
});

export const { createServer, loadConfig: loadCafConfig, typeDefsPath } = subgraph;
export { cafEnv, type CafConfig } from './config';
