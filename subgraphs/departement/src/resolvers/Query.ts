import { passerelleError } from '@passerelle/subgraph-kit';
import type { DepartementContext } from '../context';
import { departementMaxBatch } from '../legacy/client';
import { decodeCursor, encodeCursor } from '../portefeuilleCursor';
import { entier } from '../validateArguments';
import { codeOf, etatsRsa, motif, typeOrientation, type EtatRsaDepartement } from './codesDepartement';
import type { UsagerReference } from './Usager';

interface PortefeuilleArgs {
  referentId: string;
  premier: number | null;
  apres?: string | null;
  orientation?: (typeof typeOrientation)[keyof typeof typeOrientation] | null;
  etatRsa?: EtatRsaDepartement | null;
  motif?: (typeof motif)[keyof typeof motif] | null;
}

export const Query = {
  async monPortefeuille(_: unknown, args: PortefeuilleArgs, ctx: DepartementContext) {
    const nombre = entier(args.premier, 'premier', 1, departementMaxBatch);
    const debut = args.apres ? decodeCursor(args.apres) + 1 : 0;
    const page = await ctx.departement.portefeuille(args.referentId, {
      debut,
      nombre,
      ...(args.orientation ? { cd_orientation: codeOf(typeOrientation, args.orientation) } : {}),
      ...(args.etatRsa ? { etat_dossier: String(etatsRsa.indexOf(args.etatRsa)) } : {}),
      ...(args.motif ? { cd_motif: codeOf(motif, args.motif) } : {}),
    });
    if (!page) throw passerelleError('OBJET_INTROUVABLE', 'No référent has this id.', { partenaire: 'departement', argument: 'referentId' });
    // The page holds whole files: the usagers' Département fields need no second call.
    for (const b of page.beneficiaires) ctx.loaders.beneficiaire.prime(b.nir, b);
    const edges = page.beneficiaires.map((b, i) => ({ node: { nir: b.nir } satisfies UsagerReference, cursor: encodeCursor(debut + i) }));
    return {
      edges,
      totalCount: page.total,
      pageInfo: {
        hasNextPage: debut + edges.length < page.total,
        hasPreviousPage: debut > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  },
};
