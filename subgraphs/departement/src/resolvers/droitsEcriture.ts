import { activeRoles, passerelleError, type AppelPasserelle } from '@passerelle/subgraph-kit';
import type { DepartementContext } from '../context';
import type { Beneficiaire } from '../legacy/types';
import { roleEquipe } from './codesDepartement';

/**
 * The kinds of writes to a usager's file, by who may make them (docs/security.md, "Who writes
 * what in the shared file"):
 * - `partage`: notes, actions and their states, appointments and their outcomes: the active
 *   référent, the team's CONTRIBUTEUR members, the Département's agents;
 * - `pilotage`: objectives, the contrat d'engagement, the orientation, designating or changing the
 *   référent, the team, closing the parcours: the active référent and the Département's agents;
 * - `ouverture`: opening a parcours: reception (`accueil`), any professional of the directory
 *   (a `referent` token: opening grants nobody access to the file), the Département's agents.
 */
export type Ecriture = 'partage' | 'pilotage' | 'ouverture';

/** Who the caller is for one usager's file, under the operation's purpose. */
export interface Qualite {
  agentDepartement: boolean;
  accueil: boolean;
  /** A professional of the directory (their token's `referentId`), whatever their link with this usager. */
  professionnel: string | null;
  referentActif: boolean;
  /** Their role in the usager's team while they are an active member; null otherwise. */
  membre: (typeof roleEquipe)[keyof typeof roleEquipe] | null;
}

/** The caller's standing towards `b` (null: the Département has no file yet), from the gateway's signed context only. */
export function qualiteDe(appel: AppelPasserelle, b: Beneficiaire | null): Qualite {
  const { caller, finalite } = appel;
  const none: Qualite = { agentDepartement: false, accueil: false, professionnel: null, referentActif: false, membre: null };
  if (caller === null || finalite === null) return none;
  const active = activeRoles(caller, finalite);
  const professionnel = active.includes('referent') && caller.referentId ? caller.referentId : null;
  const membre = professionnel === null ? undefined : b?.equipe.find((m) => m.dt_fin === null && m.id_referent === professionnel);
  return {
    agentDepartement: active.includes('agent') && caller.partenaire === 'departement',
    accueil: active.includes('accueil'),
    professionnel,
    referentActif: professionnel !== null && b !== null && b.referents.some((r) => r.dt_fin === null && r.id_referent === professionnel),
    membre: membre ? roleEquipe[membre.cd_role] : null,
  };
}

/** Whether a caller of this standing may make this kind of write. */
export function peutEcrire(ecriture: Ecriture, q: Qualite): boolean {
  if (q.agentDepartement) return true;
  switch (ecriture) {
    case 'partage':
      return q.referentActif || q.membre === 'CONTRIBUTEUR';
    case 'pilotage':
      return q.referentActif;
    case 'ouverture':
      return q.accueil || q.professionnel !== null;
  }
}

/** Whether the decision needs the file: only a professional's standing depends on it (active référent, team member). */
const dependDuDossier = (ecriture: Ecriture, q: Qualite) => !q.agentDepartement && q.professionnel !== null && ecriture !== 'ouverture';

/**
 * Refuses, before anything is sent to the Département's system, a write the caller may not make
 * (ACCES_REFUSE; NON_AUTHENTIFIE without a caller), whatever the gateway let through. Reads the
 * file (through the request's loader) only when the decision depends on it; a usager the
 * Département does not know is left to the system, which refuses the write (USAGER_INCONNU).
 */
export async function exigerDroit(ctx: DepartementContext, nir: string, ecriture: Ecriture): Promise<void> {
  if (ctx.appel.caller === null) throw passerelleError('NON_AUTHENTIFIE', 'This write needs an identified caller.', { partenaire: 'departement' });
  const sansDossier = qualiteDe(ctx.appel, null);
  if (peutEcrire(ecriture, sansDossier)) return;
  if (dependDuDossier(ecriture, sansDossier)) {
    const b = await ctx.loaders.beneficiaire.load(nir);
    if (b === null || peutEcrire(ecriture, qualiteDe(ctx.appel, b))) return;
  }
  throw passerelleError('ACCES_REFUSE', messages[ecriture], { partenaire: 'departement' });
}

const messages: Readonly<Record<Ecriture, string>> = {
  partage: "Only the usager's active référent, a contributing member of their team or a Département agent may write to the shared file.",
  pilotage: "Only the usager's active référent or a Département agent may steer the parcours (objectives, contract, orientation, référent, team, closure).",
  ouverture: 'Only reception, a professional of the directory or a Département agent may open a parcours.',
};
