import { checkNir } from '@passerelle/subgraph-kit';
import type { CarsatContext } from '../context';
import { toDossierRetraite, type DossierRetraite } from './DossierRetraite';

/** A representation from the gateway: the key of `Usager` here. */
type UsagerReference = { nir: string };

export const Usager = {
  // Every usager resolves: whether the fund knows them is `carsat`'s business (null, not an error).
  __resolveReference: (ref: UsagerReference): UsagerReference => ({ nir: ref.nir }),

  async carsat(u: UsagerReference, _args: unknown, ctx: CarsatContext): Promise<(DossierRetraite & { connu: true }) | null> {
    const check = checkNir(u.nir);
    // The fund cannot know a malformed NIR: no legacy call is spent on it.
    if (!check.valide) return null;
    const dossier = await ctx.loaders.dossier.load(check.nir);
    // `connu` (always true, not exposed to clients) is what presencePartenaires @requires: presence without content.
    return dossier ? { ...toDossierRetraite(dossier), connu: true } : null;
  },
};
