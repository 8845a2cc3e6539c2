import { passerelleError } from '../errors/passerelleError';
import type { AppelPasserelle } from './appelPasserelle';
import { activeRoles } from './caller';

/** Longest author label: the reception network's system stores 64 characters (mocks/docs/accueil.md), the Département's 100. */
export const auteurMax = 64;

/**
 * Who a partner's system records as the author of a write (a note, an objection taken down, a
 * referral): derived from the caller in the gateway's signed context, never from an argument, so
 * nobody can write in someone else's name. A short, stable label that names no person: the
 * référent's registry id and organisation, an agent's organisation, or "l'usager" for the usager
 * themself. null when the context carries no caller or no role the purpose allows: such a call
 * cannot write (the gateway refuses it before, see gateway/src/pipeline/steps/).
 */
export function auteurOf(appel: AppelPasserelle): string | null {
  const { caller, finalite } = appel;
  if (caller === null || finalite === null) return null;
  const active = activeRoles(caller, finalite);
  const label = (() => {
    if (active.includes('usager')) return "l'usager";
    if (active.includes('referent') && caller.referentId) return `référent ${caller.referentId} (${caller.organisation})`;
    if (active.includes('agent')) return `agent ${caller.organisation}`;
    if (active.includes('accueil')) return `accueil ${caller.organisation}`;
    return null;
  })();
  return label === null ? null : label.slice(0, auteurMax);
}

/**
 * The author of a write, or the refusal a subgraph answers when its context names nobody who may
 * write: NON_AUTHENTIFIE without a caller, ACCES_REFUSE without a role the purpose allows. The
 * gateway's field authorization refuses these first; this keeps the partner's system from ever
 * recording an author the token did not give.
 */
export function requireAuteur(appel: AppelPasserelle, partenaire: string): string {
  const auteur = auteurOf(appel);
  if (auteur !== null) return auteur;
  if (appel.caller === null) throw passerelleError('NON_AUTHENTIFIE', 'This write needs an identified caller: its author is the caller.', { partenaire });
  throw passerelleError('ACCES_REFUSE', "The caller's roles for this purpose do not allow this write.", { partenaire });
}
