import { passerelleError, requireAuteur } from '@passerelle/subgraph-kit';
import type { AccueilContext } from '../context';
import type { DemandeTransition } from '../legacy/types';
import { codePasserelleCible, toOrientation, type OrientationParent } from './Orientation';
import { partenaireRepondant } from './partenaireRepondant';

/** What a client may choose as idempotency key (as for `orienterUsager`). */
export const cleIdempotencePattern = /^[A-Za-z0-9_-]{8,64}$/;
/** A referral id as the system writes them; anything else cannot be one. */
const idOrientation = /^[A-Z0-9-]{1,32}$/;

const introuvable = () => passerelleError('OBJET_INTROUVABLE', 'No referral has this id.', { argument: 'id' });

/** Checks an optional idempotency key; null when none. */
export function cleOf(cle: string | null | undefined): string | null {
  if (cle == null) return null;
  if (!cleIdempotencePattern.test(cle)) throw passerelleError('ARGUMENT_INVALIDE', 'cleIdempotence must be 8 to 64 letters, digits, - or _.', { argument: 'cleIdempotence' });
  return cle;
}

/**
 * Moves a referral to a new status for the partner it is addressed to. Only that partner's agents
 * may: the caller's partner (from the signed context) must be the referral's target, checked here
 * because the gateway cannot know the target; otherwise ACCES_REFUSE and nothing is sent. The
 * system checks the legality of the change and the key atomically (mocks/docs/accueil.md).
 */
export async function changerStatutOrientation(
  ctx: AccueilContext,
  id: string,
  changement: Omit<DemandeTransition, 'auteur'>,
  cleIdempotence: string | null | undefined,
): Promise<{ orientation: OrientationParent; rejoue: boolean }> {
  if (!idOrientation.test(id)) throw introuvable();
  const cle = cleOf(cleIdempotence);
  const auteur = requireAuteur(ctx.appel, 'accueil');
  const partenaire = partenaireRepondant(ctx.appel);
  const actuelle = await ctx.accueil.orientation(id);
  if (actuelle === null) throw introuvable();
  if (codePasserelleCible(actuelle) !== partenaire)
    throw passerelleError('ACCES_REFUSE', "This referral is not addressed to the caller's partner: only its agents answer it.", { partenaire: 'accueil' });
  const result = await ctx.accueil.changerStatut(id, { ...changement, auteur }, cle);
  if (!result.ok) {
    if (result.status === 404) throw introuvable();
    if (result.codeErreur === 'TRANSITION_INTERDITE')
      throw passerelleError('TRANSITION_INVALIDE', "This change is not allowed from the referral's current status; nothing was changed.", { partenaire: 'accueil' });
    if (result.codeErreur === 'CLE_IDEMPOTENCE_REUTILISEE') throw passerelleError('CONFLIT_IDEMPOTENCE', 'This idempotency key was already used for another request.', { argument: 'cleIdempotence' });
    throw passerelleError('PARTENAIRE_REPONSE_INVALIDE', `The accueil system rejected the request (HTTP ${result.status}).`, { partenaire: 'accueil' });
  }
  return { orientation: toOrientation(result.data.orientation), rejoue: result.rejoue };
}
