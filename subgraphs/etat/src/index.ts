import path from 'node:path';
import { defineSubgraph, legacyClientOptionsOf, resolversStatistiques, type StatistiquesParent } from '@passerelle/subgraph-kit';
import { etatEnv } from './config';
import type { EtatContext } from './context';
import { createSiaoClient } from './legacy/client';
import { createLoaders } from './loaders';
import { StatistiquesSiao } from './resolvers/StatistiquesSiao';
import { Usager } from './resolvers/Usager';

/** The État (SIAO) subgraph. */
export const subgraph = defineSubgraph({
  name: 'etat',
  typeDefsPath: path.resolve(__dirname, '../schema.graphql'),
  env: etatEnv,
  // SI-SIAO matches a person by NIR when it recorded one, otherwise by pivot identity: a person known
  // by a provisional key (no NIR yet) is matched by pivot identity only (resolvers/Usager.ts).
  acceptsProvisionalKeys: true,
  resolvers: {
    Usager,
    Query: resolversStatistiques.Query,
    Statistiques: { ...resolversStatistiques.Statistiques, hebergement: (parent: StatistiquesParent) => parent },
    StatistiquesSiao,
  },
  createContext(config) {
    const siao = createSiaoClient(legacyClientOptionsOf(config));
    return (base): EtatContext => ({ ...base, loaders: createLoaders(siao) });
  },
});

export const { createServer, loadConfig: loadEtatConfig, typeDefsPath } = subgraph;
export { etatEnv, type EtatConfig } from './config';
