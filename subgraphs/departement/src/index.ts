import path from 'node:path';
import { createUsagerIdCodec, defineSubgraph, legacyClientOptionsOf, resolversStatistiques, type StatistiquesParent } from '@passerelle/subgraph-kit';
import { departementEnv } from './config';
import type { DepartementContext } from './context';
import { createDepartementClient } from './legacy/client';
import { createLoaders } from './loaders';
import { Mutation } from './resolvers/Mutation';
import { Query } from './resolvers/Query';
import { StatistiquesDepartement } from './resolvers/StatistiquesDepartement';
import { Usager } from './resolvers/Usager';

/** The Département subgraph. */
export const subgraph = defineSubgraph({
  name: 'departement',
  typeDefsPath: path.resolve(__dirname, '../schema.graphql'),
  env: departementEnv,
  // The agency's own record of support keys files on a provisional key until the NIR is known.
  acceptsProvisionalKeys: true,
  resolvers: {
    Query: { ...Query, ...resolversStatistiques.Query },
    Mutation,
    Usager,
    Statistiques: { ...resolversStatistiques.Statistiques, departement: (parent: StatistiquesParent) => parent },
    StatistiquesDepartement,
  },
  createContext(config) {
    const departement = createDepartementClient(legacyClientOptionsOf(config));
    const codec = createUsagerIdCodec(config.usagerIdSecret);
    return (base): DepartementContext => ({ ...base, departement, codec, loaders: createLoaders(departement) });
  },
});

export const { createServer, loadConfig: loadDepartementConfig, typeDefsPath } = subgraph;
export { departementEnv, type DepartementConfig } from './config';
