import { readFileSync } from 'node:fs';
import { LocalGraphQLDataSource } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { lireMois, passerelleError } from '@passerelle/subgraph-kit';
import { parse } from 'graphql';
import { securityOf } from '../pipeline/RequestSecurity';
import { catalogueCroisements, estNomCroisement } from './catalogueCroisements';
import { croiser, type ResultatCroisement } from './croiser';
import { crossingsTypeDefsPath } from './crossingsSubgraph';
import type { SignedSubgraphFetch } from './demanderPseudonymes';

interface StatistiquesParent {
  mois: string;
}

/**
 * The gateway's own subgraph, answered in its process: the planner plans `Statistiques.croisements`
 * like any partner's field (an `_entities` fetch keyed on the month), and this data source runs
 * it against a local schema with the request's context, so the resolver reads the request's
 * RequestSecurity (the caller, the purpose) and records each crossing for the audit record
 * (pipeline/steps/recordAudit.ts). Its calls to the partners are signed like every other fetch.
 */
export function createCrossingsDataSource(fetch: SignedSubgraphFetch): LocalGraphQLDataSource {
  const typeDefs = parse(readFileSync(crossingsTypeDefsPath, 'utf8'));
  const resolvers = {
    Statistiques: {
      __resolveReference: (reference: { mois: unknown }): StatistiquesParent => ({ mois: lireMois(reference.mois).mois }),
      croisements: (parent: StatistiquesParent): StatistiquesParent => parent,
    },
    CroisementsStatistiques: {
      async croisement(parent: StatistiquesParent, args: { nom: unknown }, context: unknown): Promise<ResultatCroisement> {
        if (!estNomCroisement(args.nom)) throw passerelleError('ARGUMENT_INVALIDE', 'nom is not a crossing of the catalogue.', { argument: 'nom' });
        const request = securityOf(context);
        try {
          const { resultat, audit } = await croiser({ nom: args.nom, mois: parent.mois, appel: request.appel(), fetch });
          request.croisements.push(audit);
          return resultat;
        } catch (error) {
          // A crossing that failed was still asked of the partners: the journal says so, with no count.
          const partenaires = catalogueCroisements[args.nom].criteres.map((c) => c.partenaire);
          request.croisements.push({ nom: args.nom, mois: parent.mois, partenaires, effectif: null, secret: 'ECHEC' });
          throw error;
        }
      },
    },
  };
  return new LocalGraphQLDataSource(buildSubgraphSchema([{ typeDefs, resolvers }]));
}
