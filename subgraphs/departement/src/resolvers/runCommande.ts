import type { DepartementContext } from '../context';
import type { ArgumentEnFaute } from '../legacy/refusalToGraphQL';
import type { Beneficiaire } from '../legacy/types';
import { exigerDroit, type Ecriture } from './droitsEcriture';
import { cleIdempotence, nirOfUsagerId } from '../validateArguments';
import type { UsagerReference } from './Usager';

/** What every mutation receives besides its own arguments. */
export interface CommandeArgs {
  usagerId: string;
  cleIdempotence?: string | null;
}

/**
 * Runs one command for a mutation: decodes the usager and checks the key (the mutation has
 * checked its own arguments before), checks the caller may make this kind of write
 * (`droitsEcriture.ts`; objections name none: anyone the gateway lets through records them),
 * sends the command, then primes the loader with the file
 * the system sent back, so reading the payload's usager costs no second call. `pick` takes what
 * the payload shows from that file.
 */
export async function runCommande<T extends object>(
  ctx: DepartementContext,
  args: CommandeArgs,
  commande: { nom: string; corps: Record<string, unknown>; argument?: ArgumentEnFaute; ecriture?: Ecriture },
  pick: (b: Beneficiaire, idObjet: string | null) => T,
): Promise<T & { usager: UsagerReference; rejoue: boolean }> {
  const nir = nirOfUsagerId(ctx.codec, args.usagerId);
  const cle = cleIdempotence(args.cleIdempotence);
  if (commande.ecriture) await exigerDroit(ctx, nir, commande.ecriture);
  const accepted = await ctx.departement.commande(commande.nom, { nir, ...commande.corps }, cle, commande.argument);
  ctx.loaders.beneficiaire.clear(nir).prime(nir, accepted.beneficiaire);
  return { ...pick(accepted.beneficiaire, accepted.idObjet), usager: { nir }, rejoue: accepted.rejoue };
}
