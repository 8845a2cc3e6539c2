import { cleUsagerDe } from '../cleUsager';
import type { AccueilContext } from '../context';
import { toInscriptionTiersLieu, type InscriptionTiersLieuParent } from './InscriptionTiersLieu';
import { toOrientation, type OrientationParent } from './Orientation';
import { toPassageAccueil, type PassageAccueilParent } from './PassageAccueil';
import { toPresencePartenaires, type PresencePartenaires, type UsagerRequis } from './PresencePartenaires';

/** A representation from the gateway: the key, plus the fields `presencePartenaires` requires when asked for. */
type UsagerReference = { nir: string } & UsagerRequis;

export const Usager = {
  // Every usager resolves; the representation is kept whole, as @requires fields travel in it.
  __resolveReference: (ref: UsagerReference): UsagerReference => ref,

  async orientations(u: UsagerReference, _args: unknown, ctx: AccueilContext): Promise<OrientationParent[]> {
    const cle = cleUsagerDe(u.nir);
    // Nobody can have been referred under a malformed key (neither a NIR nor a provisional key): no legacy call is spent on it.
    if (cle === null) return [];
    return ((await ctx.loaders.orientations.load(cle)) ?? []).map(toOrientation);
  },

  async inscriptionsTiersLieu(u: UsagerReference, _args: unknown, ctx: AccueilContext): Promise<InscriptionTiersLieuParent[]> {
    const cle = cleUsagerDe(u.nir);
    if (cle === null) return [];
    return ((await ctx.loaders.inscriptions.load(cle)) ?? []).map(toInscriptionTiersLieu);
  },

  async passagesAccueil(u: UsagerReference, _args: unknown, ctx: AccueilContext): Promise<PassageAccueilParent[]> {
    const cle = cleUsagerDe(u.nir);
    if (cle === null) return [];
    // The system answers oldest visit first; sorting here keeps the graph's promise (the first contact first) whatever it sends.
    return ((await ctx.loaders.passages.load(cle)) ?? []).map(toPassageAccueil).sort((a, b) => a.date.localeCompare(b.date));
  },

  presencePartenaires: (u: UsagerReference): PresencePartenaires => toPresencePartenaires(u),
};
