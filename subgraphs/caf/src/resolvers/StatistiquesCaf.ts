import { projeterCube, type ArgumentsTableau, type StatistiquesParent, type TableauStatistique } from '@passerelle/subgraph-kit';
import type { CafContext } from '../context';

/** The CAF's aggregates: every table is cut from the month's protected grid (kit, statistics). */
export const StatistiquesCaf = {
  async foyersParPrestation(parent: StatistiquesParent, args: ArgumentsTableau, context: CafContext): Promise<TableauStatistique> {
    const cube = await context.loaders.foyersParPrestation.load(parent.mois);
    return projeterCube(cube!, args);
  },
};
