import { repondrePseudonymes } from '@passerelle/subgraph-kit';
import type { BailleursContext } from '../context';

/**
 * `Query.pseudonymesBailleurs`: the tenants a criterion selects at both landlords, pseudonymised
 * under the gateway's per-query key; the landlords hold no NIR, so the join key is the normalised
 * pivot identity as their agents typed it (docs/statistics.md, "Crossings").
 */
export function pseudonymesBailleurs(_: unknown, args: { critere: 'IMPAYE'; mois: unknown; cle: unknown }, context: BailleursContext): Promise<string[]> {
  return repondrePseudonymes({
    appel: context.appel,
    partenaire: 'bailleurs',
    cle: args.cle,
    mois: args.mois,
    jointure: 'IDENTITE_PIVOT',
    extraire: (mois) => context.loaders.extraction(args.critere, mois),
  });
}
