import { passerelleError, requireAuteur } from '@passerelle/subgraph-kit';
import { cleDeUsagerId } from '../cleUsager';
import type { AccueilContext } from '../context';
import { cleOf } from './changerStatutOrientation';
import { toPassageAccueil, type PassageAccueilParent } from './PassageAccueil';
import { legacyDay } from './Query';
import { codeDeService, type ServiceAccueil } from './ServiceAccueil';

/** A place code as the directory writes them; anything else cannot be a place. */
const codeLieu = /^[A-Z0-9-]{1,32}$/;

export interface EnregistrerPassageArgs {
  usagerId: string;
  lieuId: string;
  motif: ServiceAccueil;
  date?: string | null;
  cleIdempotence?: string | null;
}

const lieuInconnu = () => passerelleError('OBJET_INTROUVABLE', 'No reception place has this id.', { argument: 'lieuId' });
const dateFuture = () => passerelleError('ARGUMENT_INVALIDE', 'date must not be after today.', { argument: 'date' });

/** Today in Rodez, `YYYYMMDD`, the reception network's clock (mocks/docs/accueil.md dates passages so). */
const aujourdhui = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date()).replaceAll('-', '');

/**
 * Records a person's visit to a reception place: the day, the place and the service sought, no
 * content. Every argument is checked before anything is sent; the author comes from the token.
 * Without a date the system dates it today by its own clock, so both ends agree on "today".
 */
export async function enregistrerPassage(_root: unknown, args: EnregistrerPassageArgs, ctx: AccueilContext): Promise<{ passage: PassageAccueilParent; rejoue: boolean }> {
  const nir = cleDeUsagerId(ctx, args.usagerId);
  if (!codeLieu.test(args.lieuId)) throw lieuInconnu();
  const date = legacyDay(args.date ?? null, 'date');
  if (date !== null && date > aujourdhui()) throw dateFuture();
  const cle = cleOf(args.cleIdempotence);
  const demande = { nir, code_lieu: args.lieuId, date_passage: date, code_motif: codeDeService[args.motif], auteur: requireAuteur(ctx.appel, 'accueil') };
  const result = await ctx.accueil.enregistrerPassage(demande, cle);
  if (!result.ok) {
    if (result.codeErreur === 'LIEU_INCONNU') throw lieuInconnu();
    // The subgraph's clock and the system's may disagree around midnight: the system's refusal is the same error.
    if (result.codeErreur === 'DATE_FUTURE') throw dateFuture();
    if (result.codeErreur === 'CLE_IDEMPOTENCE_REUTILISEE') throw passerelleError('CONFLIT_IDEMPOTENCE', 'This idempotency key was already used for another request.', { argument: 'cleIdempotence' });
    throw passerelleError('PARTENAIRE_REPONSE_INVALIDE', `The accueil system rejected the request (HTTP ${result.status}).`, { partenaire: 'accueil' });
  }
  return { passage: toPassageAccueil(result.data.passage), rejoue: result.rejoue };
}
