import { projeterCube, type ArgumentsTableau, type StatistiquesParent, type TableauStatistique } from '@passerelle/subgraph-kit';
import type { EtatContext } from '../context';

/** The SIAO's aggregates: every table is cut from the month's protected grid (kit, statistics). */
export const StatistiquesSiao = {
  async demandes(parent: StatistiquesParent, args: ArgumentsTableau, context: EtatContext): Promise<TableauStatistique> {
    const cube = await context.loaders.demandes.load(parent.mois);
    return projeterCube(cube!, args);
  },
};
