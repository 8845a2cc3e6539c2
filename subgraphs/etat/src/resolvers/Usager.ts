import { checkNir, passerelleError } from '@passerelle/subgraph-kit';
import type { EtatContext } from '../context';
import { identitePivotSchema, isSearchable, type IdentitePivot } from '../identitePivot';
import { decideRapprochementSiao } from '../matching/decideRapprochementSiao';
import { situationParIdentite, situationParNir, type SituationHebergement } from './SituationHebergement';

/** The `Usager` parent object: its key, and the pivot identity `hebergement` requires. */
interface UsagerParent {
  nir: string;
  identitePivot: IdentitePivot;
}

export const Usager = {
  // A promise, rejected for a bad representation, so that it costs its own entity only:
  // @apollo/subgraph resolves representations in one synchronous map, which a throw would abort.
  __resolveReference(ref: { nir?: unknown; identitePivot?: unknown }): Promise<UsagerParent> {
    const pivot = identitePivotSchema.safeParse(ref.identitePivot);
    if (typeof ref.nir !== 'string' || !pivot.success) {
      return Promise.reject(passerelleError('ARGUMENT_INVALIDE', 'The Usager representation lacks a nir or a valid identitePivot.', { argument: 'representations' }));
    }
    return Promise.resolve({ nir: ref.nir, identitePivot: pivot.data });
  },

  async hebergement(u: UsagerParent, _args: unknown, ctx: EtatContext): Promise<(SituationHebergement & { connu: true }) | null> {
    const situation = await situationOf(u, ctx);
    // `connu` (always true, not exposed to clients) is what presencePartenaires @requires: presence without content.
    return situation ? { ...situation, connu: true } : null;
  },
};

/** The person's situation at the SIAO: by NIR, else by identity; null when SI-SIAO does not know them. */
async function situationOf(u: UsagerParent, ctx: EtatContext): Promise<SituationHebergement | null> {
  // A provisional key (a person welcomed without a NIR, subgraphs/kit/src/identity/provisionalKey.ts) is
  // never a valid NIR: such a person is matched by pivot identity only, and no NIR call is spent on them.
  const check = checkNir(u.nir);
  // By NIR first, batched across the request; a malformed NIR cannot be SI-SIAO's, so no call is spent on it.
  if (check.valide) {
    const parNir = await ctx.loaders.parNir.load(check.nir);
    if (parNir) return situationParNir(parNir);
  }
  // Then by identity, one call per person the NIR search did not find.
  const pivot = u.identitePivot;
  if (!isSearchable(pivot)) return null;
  const candidats = await ctx.loaders.parIdentite.load({ nomNaissance: pivot.nomNaissance, prenom: pivot.prenoms.find((p) => p.trim() !== '') ?? '', dateNaissance: pivot.dateNaissance });
  return situationParIdentite(decideRapprochementSiao(pivot, check.valide ? check.nir : null, candidats ?? []));
}
