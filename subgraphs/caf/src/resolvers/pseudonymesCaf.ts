import { parseLegacyDate, repondrePseudonymes, type JointurePseudonymes } from '@passerelle/subgraph-kit';
import type { CafContext } from '../context';

/** `Query.pseudonymesCaf`: the allocataires a criterion selects, pseudonymised under the gateway's per-query key (docs/statistics.md, "Crossings"). */
export function pseudonymesCaf(_: unknown, args: { critere: 'RSA_OUVERT'; mois: unknown; jointure: JointurePseudonymes; cle: unknown }, context: CafContext): Promise<string[]> {
  return repondrePseudonymes({
    appel: context.appel,
    partenaire: 'caf',
    cle: args.cle,
    mois: args.mois,
    jointure: args.jointure,
    extraire: async (mois) =>
      (await context.loaders.extraction(args.critere, mois)).PERSONNES.map((p) => ({
        nir: p.NIR,
        noms: p.NOM_USAGE === null ? [p.NOM_NAISSANCE] : [p.NOM_NAISSANCE, p.NOM_USAGE],
        prenom: p.PRENOMS[0] ?? '',
        dateNaissance: parseLegacyDate(p.DATE_NAISSANCE),
      })),
  });
}
