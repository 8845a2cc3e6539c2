import { checkNir, hasCompleteBirthDate, resolveReference, usagerParNirEtNaissanceSchema, type UsagerParNirEtNaissance } from '@passerelle/subgraph-kit';
import type { FranceTravailContext } from '../context';
import { toDossierFranceTravail, type DossierFranceTravailParent } from './DossierFranceTravail';

export const Usager = {
  __resolveReference: resolveReference(usagerParNirEtNaissanceSchema, 'a NIR or a valid identitePivot.dateNaissance'),

  async franceTravail(u: UsagerParNirEtNaissance, _args: unknown, ctx: FranceTravailContext): Promise<(DossierFranceTravailParent & { connu: true }) | null> {
    const check = checkNir(u.nir);
    // France Travail cannot identify anyone from a malformed NIR or part of a date of birth: no call is spent.
    if (!check.valide || !hasCompleteBirthDate(u.identitePivot)) return null;
    const identifiant = await ctx.loaders.identifiant.load({ nir: check.nir, dateNaissance: u.identitePivot.dateNaissance });
    // DataLoader has already turned an Error value into a rejection; this only narrows the type.
    if (identifiant instanceof Error) throw identifiant;
    if (identifiant === null) return null;
    const dossier = await ctx.loaders.dossier.load(identifiant);
    // `connu` (always true, not exposed to clients) is what presencePartenaires @requires: presence without content.
    return dossier ? { ...toDossierFranceTravail(dossier), connu: true } : null;
  },
};
