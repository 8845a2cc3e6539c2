import { projeterCube, type ArgumentsTableau, type StatistiquesParent, type TableauStatistique } from '@passerelle/subgraph-kit';
import type { DepartementContext } from '../context';

type Statistique = 'parcoursOuverts' | 'parcoursClos' | 'parcoursEnCours' | 'delaisRsa';
const table =
  (nom: Statistique) =>
  async (parent: StatistiquesParent, args: ArgumentsTableau, context: DepartementContext): Promise<TableauStatistique> =>
    projeterCube(await context.loaders[nom].load(parent.mois), args);

/** The Département's aggregates: every table is cut from its statistic's protected grid for the month (kit, statistics). */
export const StatistiquesDepartement = {
  parcoursOuverts: table('parcoursOuverts'),
  parcoursClos: table('parcoursClos'),
  parcoursEnCours: table('parcoursEnCours'),
  delaisRsa: table('delaisRsa'),
};
