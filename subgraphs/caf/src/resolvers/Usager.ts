import { checkNir } from '@passerelle/subgraph-kit';
import type { CafContext } from '../context';
import { toDossierCaf, type DossierCafParent } from './DossierCaf';

/** A representation from the gateway: the key of `Usager` here. */
type UsagerReference = { nir: string };

export const Usager = {
  // Every usager resolves: whether CAF knows them is `caf`'s business (null, not an error).
  __resolveReference: (ref: UsagerReference): UsagerReference => ({ nir: ref.nir }),

  async caf(u: UsagerReference, _args: unknown, ctx: CafContext): Promise<(DossierCafParent & { connu: true }) | null> {
    const check = checkNir(u.nir);
    // CAF cannot know a malformed NIR: no legacy call is spent on it.
    if (!check.valide) return null;
    const resultat = await ctx.loaders.dossier.load(check.nir);
    // `connu` (always true, not exposed to clients) is what presencePartenaires @requires: presence without content.
    return resultat ? { ...toDossierCaf(resultat), connu: true } : null;
  },
};
