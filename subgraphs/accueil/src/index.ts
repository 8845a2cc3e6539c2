import path from 'node:path';
import { createUsagerIdCodec, defineSubgraph, legacyClientOptionsOf, resolversStatistiques, type StatistiquesParent } from '@passerelle/subgraph-kit';
import { accueilEnv } from './config';
import type { AccueilContext } from './context';
import { createAccueilClient } from './legacy/client';
import { createLoaders } from './loaders';
import { EvenementTiersLieu } from './resolvers/EvenementTiersLieu';
import { InscriptionTiersLieu } from './resolvers/InscriptionTiersLieu';
import { LieuAccueil } from './resolvers/LieuAccueil';
import { Mutation } from './resolvers/Mutation';
import { CibleOrientation } from './resolvers/Orientation';
import { PassageAccueil } from './resolvers/PassageAccueil';
import { Query } from './resolvers/Query';
import { StatistiquesAccueil } from './resolvers/StatistiquesAccueil';
import { Usager } from './resolvers/Usager';

/** The reception-network subgraph. */
export const subgraph = defineSubgraph({
  name: 'accueil',
  typeDefsPath: path.resolve(__dirname, '../schema.graphql'),
  env: accueilEnv,
  // The reception network records people under their provisional key until their NIR is known.
  acceptsProvisionalKeys: true,
  resolvers: {
    Query: { ...Query, ...resolversStatistiques.Query },
    Mutation,
    Usager,
    LieuAccueil,
    EvenementTiersLieu,
    InscriptionTiersLieu,
    CibleOrientation,
    PassageAccueil,
    Statistiques: { ...resolversStatistiques.Statistiques, accueil: (parent: StatistiquesParent) => parent },
    StatistiquesAccueil,
  },
  createContext(config) {
    const accueil = createAccueilClient(legacyClientOptionsOf(config));
    const usagerIds = createUsagerIdCodec(config.usagerIdSecret);
    return (base): AccueilContext => ({ ...base, loaders: createLoaders(accueil), accueil, usagerIds });
  },
});

export const { createServer, loadConfig: loadAccueilConfig, typeDefsPath } = subgraph;
export { accueilEnv, type AccueilConfig } from './config';
