import path from 'node:path';
import { defineSubgraph, legacyClientOptionsOf, resolversStatistiques, type StatistiquesParent } from '@passerelle/subgraph-kit';
import { franceTravailEnv } from './config';
import type { FranceTravailContext } from './context';
import { createFranceTravailClient } from './legacy/client';
import { createLoaders } from './loaders';
import { DossierFranceTravail } from './resolvers/DossierFranceTravail';
import { StatistiquesFranceTravail } from './resolvers/StatistiquesFranceTravail';
import { pseudonymesFranceTravail } from './resolvers/pseudonymesFranceTravail';
import { Usager } from './resolvers/Usager';

/** The France Travail subgraph. */
export const subgraph = defineSubgraph({
  name: 'france-travail',
  typeDefsPath: path.resolve(__dirname, '../schema.graphql'),
  env: franceTravailEnv,
  resolvers: {
    Usager,
    DossierFranceTravail,
    Query: { ...resolversStatistiques.Query, pseudonymesFranceTravail },
    Statistiques: { ...resolversStatistiques.Statistiques, franceTravail: (parent: StatistiquesParent) => parent },
    StatistiquesFranceTravail,
  },
  createContext(config) {
    const franceTravail = createFranceTravailClient(legacyClientOptionsOf(config));
    return (base): FranceTravailContext => ({ ...base, loaders: createLoaders(franceTravail) });
  },
});

export const { createServer, loadConfig: loadFranceTravailConfig, typeDefsPath } = subgraph;
export { franceTravailEnv, type FranceTravailConfig } from './config';
