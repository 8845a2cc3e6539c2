import { checkNir, hasCompleteBirthDate, resolveReference, usagerParNirEtNaissanceSchema, type UsagerParNirEtNaissance } from '@passerelle/subgraph-kit';
import type { RegionContext } from '../context';
import { toDossierStagiaireRegion, type DossierStagiaireRegion } from './DossierStagiaireRegion';

export const Usager = {
  __resolveReference: resolveReference(usagerParNirEtNaissanceSchema, 'a NIR or a valid identitePivot.dateNaissance'),

  async formationProfessionnelle(u: UsagerParNirEtNaissance, _args: unknown, ctx: RegionContext): Promise<DossierStagiaireRegion | null> {
    const check = checkNir(u.nir);
    // The Région cannot identify anyone from a malformed NIR or part of a date of birth: no call is spent.
    if (!check.valide || !hasCompleteBirthDate(u.identitePivot)) return null;
    const stagiaire = await ctx.loaders.stagiaire.load({ nir: check.nir, dateNaissance: u.identitePivot.dateNaissance });
    return stagiaire ? toDossierStagiaireRegion(stagiaire) : null;
  },
};
