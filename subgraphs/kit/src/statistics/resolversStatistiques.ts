import { lireMois } from './lireMois';

/** The parent of every partner's field on `Statistiques`: the month, validated. */
export interface StatistiquesParent {
  mois: string;
}

/**
 * The resolvers of the shared entry point, the same in every partner subgraph: `Query.statistiques`
 * (whichever subgraph the gateway asks) and `Statistiques.__resolveReference` (the others), both
 * validating the month. A partner adds its own field: `Statistiques: { ...resolversStatistiques.Statistiques, caf: (s) => s }`.
 */
export const resolversStatistiques = {
  Query: {
    statistiques: (_: unknown, args: { mois: unknown }): StatistiquesParent => ({ mois: lireMois(args.mois).mois }),
  },
  Statistiques: {
    __resolveReference: (reference: { mois: unknown }): StatistiquesParent => ({ mois: lireMois(reference.mois).mois }),
  },
};
