import { checkNir, isProvisionalKey, passerelleError } from '@passerelle/subgraph-kit';
import type { IdentiteContext } from '../context';
import { toUsager, toUsagerProvisoire, type UsagerParent } from './toUsager';

/**
 * The refusal for a provisional identity reconciled since: its person is now the certified usager,
 * whose id the error carries, so a client holding the old id finds them (and no duplicate remains).
 */
export function identiteRapprochee(nir: string, ctx: IdentiteContext, argument: string) {
  return passerelleError('IDENTITE_RAPPROCHEE', 'This provisional identity was reconciled with a registered person: use extensions.usagerId.', { argument, usagerId: ctx.codec.encode(nir) });
}

/**
 * The usager under a key: a NIR from the SNGI, a provisional key (`PRV…`) from the agency's
 * register. null when neither knows it (a malformed key costs no call); a reconciled provisional
 * identity is IDENTITE_RAPPROCHEE.
 */
export async function usagerParCle(cle: string, ctx: IdentiteContext, argument: string): Promise<UsagerParent | null> {
  if (isProvisionalKey(cle)) {
    const identite = await ctx.loaders.identiteProvisoire.load(cle);
    if (!identite) return null;
    if (identite.statut === 'RAPPROCHEE' && identite.nir !== null) throw identiteRapprochee(identite.nir, ctx, argument);
    return toUsagerProvisoire(identite, ctx.codec);
  }
  if (!checkNir(cle).valide) return null;
  const individu = await ctx.loaders.individu.load(cle);
  return individu ? toUsager(individu, ctx.codec) : null;
}
