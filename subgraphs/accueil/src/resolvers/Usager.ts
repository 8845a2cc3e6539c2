import { checkNir } from '@passerelle/subgraph-kit';
import type { AccueilContext } from '../context';
import { toInscriptionTiersLieu, type InscriptionTiersLieuParent } from './InscriptionTiersLieu';
import { toOrientation, type OrientationParent } from './Orientation';
import { toPresencePartenaires, type PresencePartenaires, type UsagerRequis } from './PresencePartenaires';

/** A representation from the gateway: the key, plus the fields `presencePartenaires` requires when asked for. */
type UsagerReference = { nir: string } & UsagerRequis;

export const Usager = {
  // Every usager resolves; the representation is kept whole, as @requires fields travel in it.
  __resolveReference: (ref: UsagerReference): UsagerReference => ref,

  async orientations(u: UsagerReference, _args: unknown, ctx: AccueilContext): Promise<OrientationParent[]> {
    const check = checkNir(u.nir);
    // Nobody can have been referred under a malformed NIR: no legacy call is spent on it.
    if (!check.valide) return [];
    return ((await ctx.loaders.orientations.load(check.nir)) ?? []).map(toOrientation);
  },

  async inscriptionsTiersLieu(u: UsagerReference, _args: unknown, ctx: AccueilContext): Promise<InscriptionTiersLieuParent[]> {
    const check = checkNir(u.nir);
    if (!check.valide) return [];
    return ((await ctx.loaders.inscriptions.load(check.nir)) ?? []).map(toInscriptionTiersLieu);
  },

  presencePartenaires: (u: UsagerReference): PresencePartenaires => toPresencePartenaires(u),
};
