import { hasCompleteBirthDate, resolveReference, usagerParPivotSchema, type IdentitePivot } from '@passerelle/subgraph-kit';
import { chambres } from '../chambres';
import type { ChambresConsulairesContext } from '../context';
import { toSituationChambre, type SituationChambre } from './SituationChambre';

/** The `Usager` parent object: its key. */
interface UsagerParent {
  identitePivot: IdentitePivot;
}

/** A `ChambresConsulaires`: one entry per chamber, an Error where the chamber failed (null there, with its error). */
interface ChambresConsulaires {
  chambres: Array<SituationChambre | Error>;
  connu: boolean;
}

export const Usager = {
  __resolveReference: resolveReference(usagerParPivotSchema, 'a valid identitePivot'),

  async chambresConsulaires(u: UsagerParent, _args: unknown, ctx: ChambresConsulairesContext): Promise<ChambresConsulaires | null> {
    const pivot = u.identitePivot;
    // The chambers are searched by complete date of birth: with part of it, none can be consulted.
    if (!hasCompleteBirthDate(pivot)) return null;
    // Every chamber is asked at once; one failing costs its own entry only.
    const situations = await Promise.all(
      chambres.map(async (chambre) => {
        try {
          return toSituationChambre(chambre, pivot, (await ctx.loaders[chambre.systeme].load(pivot.dateNaissance)) ?? []);
        } catch (error) {
          // graphql-js turns an Error in a list into null at that index, with that error.
          return error instanceof Error ? error : new Error(String(error));
        }
      }),
    );
    // Unknown everywhere that answered, and nobody failed: the chambers do not know the person.
    if (situations.every((s) => !(s instanceof Error) && s.rapprochement.statut === 'AUCUN')) return null;
    // Known: matched with certainty or probably by one chamber at least; an ambiguous match is not knowing the person.
    const connu = situations.some((s) => !(s instanceof Error) && (s.rapprochement.statut === 'CERTAIN' || s.rapprochement.statut === 'PROBABLE'));
    return { chambres: situations, connu };
  },
};
