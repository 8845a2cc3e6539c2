import { passerelleError, requireAuteur } from '@passerelle/subgraph-kit';
import { cleDeUsagerId } from '../cleUsager';
import type { AccueilContext } from '../context';
import type { IdempotentPostResult } from '../legacy/client';
import type { InscriptionLegacy } from '../legacy/types';
import { cleOf } from './changerStatutOrientation';
import { toInscriptionTiersLieu, type InscriptionTiersLieuParent } from './InscriptionTiersLieu';

/** An event id as the system writes them; anything else cannot be one. */
const idEvenement = /^[A-Z0-9-]{1,32}$/;

interface CibleArgs {
  usagerId: string;
  evenementId: string;
}
type Payload = { inscription: InscriptionTiersLieuParent; rejoue: boolean };

/** The usager key (a NIR or a provisional key) behind the usager id and the checked event id; nothing is sent before both hold. */
function cibleOf(ctx: AccueilContext, { usagerId, evenementId }: CibleArgs): { nir: string; evenement: string } {
  const nir = cleDeUsagerId(ctx, usagerId);
  if (!idEvenement.test(evenementId)) throw passerelleError('OBJET_INTROUVABLE', 'No tiers-lieu event has this id.', { argument: 'evenementId' });
  return { nir, evenement: evenementId };
}

/** The system's answer → the payload, its refusal codes (mocks/docs/accueil.md) → the registry's. */
function payloadOf(result: IdempotentPostResult<{ inscription: InscriptionLegacy }>): Payload {
  if (result.ok) return { inscription: toInscriptionTiersLieu(result.data.inscription), rejoue: result.rejoue };
  switch (result.codeErreur) {
    case 'EVENEMENT_INCONNU':
      throw passerelleError('OBJET_INTROUVABLE', 'No tiers-lieu event has this id.', { argument: 'evenementId' });
    case 'INSCRIPTION_INCONNUE':
      throw passerelleError('OBJET_INTROUVABLE', 'This usager has no active sign-up to this event.', { argument: 'evenementId' });
    case 'EVENEMENT_COMPLET':
      throw passerelleError('EVENEMENT_COMPLET', 'This event has no free seat left; nothing was recorded.', { partenaire: 'accueil' });
    case 'DEJA_INSCRIT':
      throw passerelleError('TRANSITION_INVALIDE', 'This usager is already signed up to this event; nothing was recorded.', { partenaire: 'accueil' });
    case 'INSCRIPTION_ANNULEE':
      throw passerelleError('TRANSITION_INVALIDE', 'This sign-up was cancelled: no attendance can be recorded; nothing was changed.', { partenaire: 'accueil' });
    case 'EVENEMENT_A_VENIR':
      throw passerelleError('TRANSITION_INVALIDE', "Attendance is recorded from the event's day on; nothing was changed.", { partenaire: 'accueil' });
    case 'CLE_IDEMPOTENCE_REUTILISEE':
      throw passerelleError('CONFLIT_IDEMPOTENCE', 'This idempotency key was already used for another request.', { argument: 'cleIdempotence' });
    default:
      throw passerelleError('PARTENAIRE_REPONSE_INVALIDE', `The accueil system rejected the request (HTTP ${result.status}).`, { partenaire: 'accueil' });
  }
}

/**
 * The writes on sign-ups to the tiers-lieu's events. Who may name which usager is the gateway's
 * row authorization (gateway/src/rows/createRowGuard.ts refuses a root field whose `usagerId` the
 * caller may not see): a usager acts only for herself. The author always comes from the token.
 */
export const mutationsTiersLieu = {
  async inscrireTiersLieu(_root: unknown, args: CibleArgs & { cleIdempotence?: string | null }, ctx: AccueilContext): Promise<Payload> {
    const { nir, evenement } = cibleOf(ctx, args);
    const cle = cleOf(args.cleIdempotence);
    return payloadOf(await ctx.accueil.inscrire(evenement, { nir, auteur: requireAuteur(ctx.appel, 'accueil') }, cle));
  },
  async annulerInscriptionTiersLieu(_root: unknown, args: CibleArgs & { cleIdempotence?: string | null }, ctx: AccueilContext): Promise<Payload> {
    const { nir, evenement } = cibleOf(ctx, args);
    const cle = cleOf(args.cleIdempotence);
    return payloadOf(await ctx.accueil.annulerInscription(evenement, { nir, auteur: requireAuteur(ctx.appel, 'accueil') }, cle));
  },
  async enregistrerPresenceTiersLieu(_root: unknown, args: CibleArgs & { present: boolean }, ctx: AccueilContext): Promise<Payload> {
    const { nir, evenement } = cibleOf(ctx, args);
    return payloadOf(await ctx.accueil.enregistrerPresence(evenement, { nir, present: args.present, auteur: requireAuteur(ctx.appel, 'accueil') }));
  },
};
