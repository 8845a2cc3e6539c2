import type { IdentiteContext } from '../context';
import { usagerParCle } from './usagerParCle';
import { toIdentitePivot, type UsagerParent } from './toUsager';

/** A representation from the gateway: either key of `Usager`. */
type UsagerReference = { id?: string; nir?: string };

export const Usager = {
  // A NIR from the SNGI, a provisional key from the register (usagerParCle).
  async __resolveReference(ref: UsagerReference, ctx: IdentiteContext): Promise<UsagerParent | null> {
    const cle = ref.nir ?? (ref.id !== undefined ? ctx.codec.decode(ref.id) : null);
    return cle === null ? null : usagerParCle(cle, ctx, 'representations');
  },
  identite: (u: UsagerParent) => u.civile,
  identitePivot: (u: UsagerParent) => toIdentitePivot(u.civile),
};
