import { checkNir } from '@passerelle/subgraph-kit';
import type { ChambresConsulairesContext } from '../context';
import { toDossierChambresConsulaires, type DossierChambresConsulairesParent } from './DossierChambresConsulaires';

/** A representation from the gateway: the key of `Usager` here. */
type UsagerReference = { nir: string };

export const Usager = {
  // Every usager resolves: whether the partner knows them is `chambresConsulaires`'s business (null, not an error).
  __resolveReference: (ref: UsagerReference): UsagerReference => ({ nir: ref.nir }),

  async chambresConsulaires(u: UsagerReference, _args: unknown, ctx: ChambresConsulairesContext): Promise<DossierChambresConsulairesParent | null> {
    const check = checkNir(u.nir);
    // The partner cannot know a malformed NIR: no legacy call is spent on it.
    if (!check.valide) return null;
    const dossier = await ctx.loaders.dossier.load(check.nir);
    return dossier ? toDossierChambresConsulaires(dossier) : null;
  },
};
