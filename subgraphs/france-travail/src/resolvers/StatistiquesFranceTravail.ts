import { projeterCube, type ArgumentsTableau, type StatistiquesParent, type TableauStatistique } from '@passerelle/subgraph-kit';
import type { FranceTravailContext } from '../context';

/** France Travail's aggregates: every table is cut from the month's protected grid (kit, statistics). */
export const StatistiquesFranceTravail = {
  async demandeursEmploi(parent: StatistiquesParent, args: ArgumentsTableau, context: FranceTravailContext): Promise<TableauStatistique> {
    const cube = await context.loaders.demandeursEmploi.load(parent.mois);
    return projeterCube(cube!, args);
  },
};
