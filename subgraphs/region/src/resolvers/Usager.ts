import { checkNir } from '@passerelle/subgraph-kit';
import type { RegionContext } from '../context';
import { toDossierRegion, type DossierRegionParent } from './DossierRegion';

/** A representation from the gateway: the key of `Usager` here. */
type UsagerReference = { nir: string };

export const Usager = {
  // Every usager resolves: whether the partner knows them is `region`'s business (null, not an error).
  __resolveReference: (ref: UsagerReference): UsagerReference => ({ nir: ref.nir }),

  async region(u: UsagerReference, _args: unknown, ctx: RegionContext): Promise<DossierRegionParent | null> {
    const check = checkNir(u.nir);
    // The partner cannot know a malformed NIR: no legacy call is spent on it.
    if (!check.valide) return null;
    const dossier = await ctx.loaders.dossier.load(check.nir);
    return dossier ? toDossierRegion(dossier) : null;
  },
};
