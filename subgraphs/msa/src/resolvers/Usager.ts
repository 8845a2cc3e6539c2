import { checkNir } from '@passerelle/subgraph-kit';
import type { MsaContext } from '../context';
import { toDossierMsa, type DossierMsa } from './DossierMsa';

/** A representation from the gateway: the key of `Usager` here. */
type UsagerReference = { nir: string };

export const Usager = {
  // Every usager resolves: whether MSA knows them is `msa`'s business (null, not an error).
  __resolveReference(ref: UsagerReference): UsagerReference {
    return { nir: ref.nir };
  },

  async msa(u: UsagerReference, _args: unknown, ctx: MsaContext): Promise<(DossierMsa & { connu: true }) | null> {
    const check = checkNir(u.nir);
    // MSA cannot know a malformed NIR: no legacy call is spent on it.
    if (!check.valide) return null;
    const adherent = await ctx.loaders.adherent.load(check.nir);
    // `connu` (always true, not exposed to clients) is what presencePartenaires @requires: presence without content.
    return adherent ? { ...toDossierMsa(adherent), connu: true } : null;
  },
};
