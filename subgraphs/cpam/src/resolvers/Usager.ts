import { checkNir } from '@passerelle/subgraph-kit';
import type { CpamContext } from '../context';
import { toCouvertureSante, type CouvertureSante } from './CouvertureSante';

/** A representation from the gateway: the key of `Usager` here. */
type UsagerReference = { nir: string };

export const Usager = {
  // Every usager resolves: whether the CPAM covers them is `cpam`'s business (null, not an error).
  __resolveReference: (ref: UsagerReference): UsagerReference => ({ nir: ref.nir }),

  async cpam(u: UsagerReference, _args: unknown, ctx: CpamContext): Promise<(CouvertureSante & { connu: true }) | null> {
    const check = checkNir(u.nir);
    // The CPAM cannot know a malformed NIR: no legacy call is spent on it.
    if (!check.valide) return null;
    const beneficiaire = await ctx.loaders.beneficiaire.load(check.nir);
    // `connu` (always true, not exposed to clients) is what presencePartenaires @requires: presence without content.
    return beneficiaire ? { ...toCouvertureSante(beneficiaire), connu: true } : null;
  },
};
