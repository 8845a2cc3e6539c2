import { projeterCube, type ArgumentsTableau, type StatistiquesParent, type TableauStatistique } from '@passerelle/subgraph-kit';
import type { AccueilContext } from '../context';

type Statistique = 'orientationsStatistiques' | 'passagesStatistiques' | 'inscriptionsStatistiques';
const table =
  (nom: Statistique) =>
  async (parent: StatistiquesParent, args: ArgumentsTableau, context: AccueilContext): Promise<TableauStatistique> =>
    projeterCube((await context.loaders[nom].load(parent.mois))!, args);

/** The reception network's aggregates: every table is cut from its statistic's protected grid for the month (kit, statistics). */
export const StatistiquesAccueil = {
  orientations: table('orientationsStatistiques'),
  passages: table('passagesStatistiques'),
  inscriptionsTiersLieu: table('inscriptionsStatistiques'),
};
