import { projeterCube, type ArgumentsTableau, type StatistiquesParent, type TableauStatistique } from '@passerelle/subgraph-kit';
import type { BailleursContext } from '../context';

/** The landlords' aggregates: every table is cut from the month's protected grid (kit, statistics). */
export const StatistiquesBailleurs = {
  async locatairesEnImpaye(parent: StatistiquesParent, args: ArgumentsTableau, context: BailleursContext): Promise<TableauStatistique> {
    const cube = await context.loaders.locatairesEnImpaye.load(parent.mois);
    return projeterCube(cube!, args);
  },
};
