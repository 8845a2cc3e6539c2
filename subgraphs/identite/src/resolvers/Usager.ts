import { checkNir } from '@passerelle/subgraph-kit';
import type { IdentiteContext } from '../context';
import { toIdentiteCivile, toIdentitePivot, toUsager, type UsagerParent } from './toUsager';

/** A representation from the gateway: either key of `Usager`. */
type UsagerReference = { id?: string; nir?: string };

export const Usager = {
  async __resolveReference(ref: UsagerReference, ctx: IdentiteContext): Promise<UsagerParent | null> {
    const nir = ref.nir ?? (ref.id !== undefined ? ctx.codec.decode(ref.id) : null);
    if (!nir || !checkNir(nir).valide) return null;
    const individu = await ctx.loaders.individu.load(nir);
    return individu ? toUsager(individu, ctx.codec) : null;
  },
  identite: (u: UsagerParent) => toIdentiteCivile(u.individu),
  identitePivot: (u: UsagerParent) => toIdentitePivot(u.individu),
};
