import { repondrePseudonymes, type JointurePseudonymes } from '@passerelle/subgraph-kit';
import type { CarsatContext } from '../context';

/** `Query.pseudonymesCarsat`: the insured a criterion selects, pseudonymised under the gateway's per-query key (docs/statistics.md, "Crossings"). */
export function pseudonymesCarsat(_: unknown, args: { critere: 'ASPA'; mois: unknown; jointure: JointurePseudonymes; cle: unknown }, context: CarsatContext): Promise<string[]> {
  return repondrePseudonymes({
    appel: context.appel,
    partenaire: 'carsat',
    cle: args.cle,
    mois: args.mois,
    jointure: args.jointure,
    extraire: (mois) => context.loaders.extraction(args.critere, mois),
  });
}
