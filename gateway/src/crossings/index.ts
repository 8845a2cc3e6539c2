export { crossingsSubgraphName, crossingsTypeDefsPath } from './crossingsSubgraph';
export { createCrossingsDataSource } from './createCrossingsDataSource';
export { catalogueCroisements, estNomCroisement, type NomCroisement, type Croisement, type CritereCatalogue } from './catalogueCroisements';
export { compterIntersection, lirePseudonymes } from './compterIntersection';
export { publierEffectif, type EffectifPublie } from './publierEffectif';
export { croiser, type CroisementAudite, type ResultatCroisement } from './croiser';
export type { SignedSubgraphFetch } from './demanderPseudonymes';
