import { repondrePseudonymes } from '@passerelle/subgraph-kit';
import type { CpamContext } from '../context';

/** `Query.pseudonymesCpam`: the insured a criterion selects, pseudonymised under the gateway's per-query key (docs/statistics.md, "Crossings"). */
export function pseudonymesCpam(_: unknown, args: { critere: 'SANS_C2S'; mois: unknown; cle: unknown }, context: CpamContext): Promise<string[]> {
  return repondrePseudonymes({
    appel: context.appel,
    partenaire: 'cpam',
    cle: args.cle,
    mois: args.mois,
    jointure: 'NIR',
    extraire: (mois) => context.loaders.extraction(args.critere, mois),
  });
}
