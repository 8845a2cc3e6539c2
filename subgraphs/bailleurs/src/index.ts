import path from 'node:path';
import { defineSubgraph, resolversStatistiques, type StatistiquesParent } from '@passerelle/subgraph-kit';
import { bailleursEnv, landlordClientConfig } from './config';
import type { BailleursContext } from './context';
import { createAhClient } from './legacy/ahClient';
import { createRahClient } from './legacy/rahClient';
import { createLoaders } from './loaders';
import { Bail } from './resolvers/Bail';
import { StatistiquesBailleurs } from './resolvers/StatistiquesBailleurs';
import { pseudonymesBailleurs } from './resolvers/pseudonymesBailleurs';
import { Usager } from './resolvers/Usager';

/** The social landlords' subgraph. */
export const subgraph = defineSubgraph({
  name: 'bailleurs',
  typeDefsPath: path.resolve(__dirname, '../schema.graphql'),
  env: bailleursEnv,
  resolvers: {
    Usager,
    Bail,
    Query: { ...resolversStatistiques.Query, pseudonymesBailleurs },
    Statistiques: { ...resolversStatistiques.Statistiques, logementSocial: (parent: StatistiquesParent) => parent },
    StatistiquesBailleurs,
  },
  createContext(config) {
    const rah = createRahClient(landlordClientConfig(config, 'rah'));
    const ah = createAhClient(landlordClientConfig(config, 'ah'));
    return (base): BailleursContext => ({ ...base, loaders: createLoaders(rah, ah) });
  },
});

export const { createServer, loadConfig: loadBailleursConfig, typeDefsPath } = subgraph;
export { bailleursEnv, type BailleursConfig } from './config';
