import { passerelleError, type ErrorCode } from '@passerelle/subgraph-kit';
import type { GraphQLError } from 'graphql';

const partenaire = 'departement';

/** The Département's refusal codes → Passerelle's, with an English message and the argument at fault. */
const refusals: Readonly<Record<string, { code: ErrorCode; message: string; argument?: string }>> = {
  BENEFICIAIRE_INCONNU: { code: 'USAGER_INCONNU', message: 'The Département holds no file for this usager.', argument: 'usagerId' },
  REFERENT_INCONNU: { code: 'OBJET_INTROUVABLE', message: 'No référent has this id.', argument: 'referentId' },
  OBJECTIF_INCONNU: { code: 'OBJET_INTROUVABLE', message: 'The usager has no objective with this id.', argument: 'objectifId' },
  ACTION_INCONNUE: { code: 'OBJET_INTROUVABLE', message: 'The usager has no action with this id.', argument: 'actionId' },
  RDV_INCONNU: { code: 'OBJET_INTROUVABLE', message: 'The usager has no appointment with this id.', argument: 'rendezVousId' },
  REFERENT_DEJA_ACTIF: { code: 'REFERENT_DEJA_ACTIF', message: 'The usager already has an active référent: change it instead.' },
  AUCUN_REFERENT_ACTIF: { code: 'TRANSITION_INVALIDE', message: 'The usager has no active référent to change: designate one.' },
  MEME_REFERENT: { code: 'TRANSITION_INVALIDE', message: 'This référent is already the active one.' },
  ORIENTATION_INCHANGEE: { code: 'TRANSITION_INVALIDE', message: 'The usager already has this orientation with this organisation.' },
  OBJECTIF_CLOS: { code: 'TRANSITION_INVALIDE', message: 'The objective is closed: it can no longer be changed or given actions.' },
  TRANSITION_INTERDITE: { code: 'TRANSITION_INVALIDE', message: 'This state change is not allowed from the current state.' },
  OPPOSITION_DEJA_ACTIVE: { code: 'TRANSITION_INVALIDE', message: 'An objection is already active for this partner.' },
  AUCUNE_OPPOSITION_ACTIVE: { code: 'TRANSITION_INVALIDE', message: 'No objection is active for this partner.' },
  AUCUN_PARCOURS_OUVERT: { code: 'TRANSITION_INVALIDE', message: 'The usager has no open parcours: open one first (ouvrirParcours).' },
  PARCOURS_DEJA_OUVERT: { code: 'TRANSITION_INVALIDE', message: 'The usager already has an open parcours: close it first.' },
  SANS_DOSSIER_RSA: { code: 'TRANSITION_INVALIDE', message: 'The usager has no RSA file: no RSA orientation or RSA parcours.' },
  MEMBRE_EST_REFERENT: { code: 'TRANSITION_INVALIDE', message: "This professional is the usager's active référent, not a team member.", argument: 'referentId' },
  MEMBRE_DEJA_ACTIF: { code: 'TRANSITION_INVALIDE', message: "This professional is already an active member of the usager's team.", argument: 'referentId' },
  MEMBRE_INCONNU: { code: 'OBJET_INTROUVABLE', message: "This professional is not an active member of the usager's team.", argument: 'referentId' },
  CLE_IDEMPOTENCE_REUTILISEE: { code: 'CONFLIT_IDEMPOTENCE', message: 'This idempotency key was already used for a different request.', argument: 'cleIdempotence' },
};

/** The mutation's argument at fault when it differs from the usual one: for every refusal, or by refusal code. */
export type ArgumentEnFaute = string | Readonly<Record<string, string>>;

/**
 * A refusal of the Département's system → the GraphQL error the client branches on. `argument`
 * names the mutation's argument when it differs from the usual one (e.g. `objectifIds`, or
 * `referentPorteurId` for REFERENT_INCONNU only). An undocumented code is a contract breach.
 */
export function refusalToGraphQL(codeErreur: string, argument?: ArgumentEnFaute): GraphQLError {
  const refusal = refusals[codeErreur];
  if (!refusal) return passerelleError('PARTENAIRE_REPONSE_INVALIDE', 'The departement system refused the request with an undocumented code.', { partenaire });
  const named = (typeof argument === 'string' ? argument : argument?.[codeErreur]) ?? refusal.argument;
  return passerelleError(refusal.code, refusal.message, { partenaire, ...(named ? { argument: named } : {}) });
}
