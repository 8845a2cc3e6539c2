import { repondrePseudonymes } from '@passerelle/subgraph-kit';
import type { FranceTravailContext } from '../context';

/** `Query.pseudonymesFranceTravail`: the job seekers a criterion selects, pseudonymised under the gateway's per-query key (docs/statistics.md, "Crossings"). */
export function pseudonymesFranceTravail(_: unknown, args: { critere: 'CATEGORIE_1'; mois: unknown; cle: unknown }, context: FranceTravailContext): Promise<string[]> {
  return repondrePseudonymes({
    appel: context.appel,
    partenaire: 'france-travail',
    cle: args.cle,
    mois: args.mois,
    jointure: 'NIR',
    extraire: (mois) => context.loaders.extraction(args.critere, mois),
  });
}
