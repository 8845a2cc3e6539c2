import { resolveReference, usagerParPivotSchema } from '@passerelle/subgraph-kit';
import { bailleurs } from '../bailleurs';
import type { BailleursContext } from '../context';
import { hasCompleteBirthDate, type IdentitePivot } from '../identitePivot';
import { dossierVide } from '../records/DossierBailleur';
import { toSituationBailleur, type SituationBailleur } from './SituationBailleur';

/** The `Usager` parent object: its key. */
interface UsagerParent {
  identitePivot: IdentitePivot;
}

/** A `LogementSocial`: one entry per landlord, an Error where the landlord failed (null there, with its error). */
interface LogementSocial {
  bailleurs: Array<SituationBailleur | Error>;
}

export const Usager = {
  __resolveReference: resolveReference(usagerParPivotSchema, 'a valid identitePivot'),

  async logementSocial(u: UsagerParent, _args: unknown, ctx: BailleursContext): Promise<LogementSocial | null> {
    const pivot = u.identitePivot;
    // Landlords are searched by complete date of birth: with part of it, none can be consulted.
    if (!hasCompleteBirthDate(pivot)) return null;
    // Every landlord is asked at once; one failing costs its own entry only.
    const situations = await Promise.all(
      bailleurs.map(async (bailleur) => {
        try {
          return toSituationBailleur(bailleur, pivot, (await ctx.loaders[bailleur.partenaire].load(pivot.dateNaissance)) ?? dossierVide);
        } catch (error) {
          // graphql-js turns an Error in a list into null at that index, with that error.
          return error instanceof Error ? error : new Error(String(error));
        }
      }),
    );
    if (situations.every((s) => !(s instanceof Error) && s.rapprochement.statut === 'AUCUN')) return null;
    return { bailleurs: situations };
  },
};
