import { activeRoles, type Caller, type Finalite, type Partenaire, type Role } from '@passerelle/subgraph-kit';
import type { AccessFacts } from './accessFacts';

/**
 * Whether a caller may see one usager at all (row authorization), given who they are, the
 * purpose, the usager's own id and what the Département knows of them:
 * - a usager sees only themself;
 * - a référent sees the usagers whose active référent they are, and those whose support team
 *   they are in today (a professional of any partner's structure, see `teamOnly`);
 * - a partner agent and a reception agent see anyone (what they see of them is field authorization's business);
 * - an analyst sees no person.
 * The roles are those active for the purpose; one role allowing is enough.
 */
export function maySeeUsager(caller: Caller, finalite: Finalite, isSelf: boolean, facts: AccessFacts | undefined): boolean {
  // A loop, not a callback made per call: this runs for every usager of every answer (docs/performance.md, "Functions that stay optimized").
  for (const role of activeRoles(caller, finalite)) if (roleSeesUsager(role, caller, isSelf, facts)) return true;
  return false;
}

function roleSeesUsager(role: Role, caller: Caller, isSelf: boolean, facts: AccessFacts | undefined): boolean {
  switch (role) {
    case 'usager':
      return isSelf;
    case 'referent':
      return facts !== undefined && caller.referentId !== null && (facts.referentId === caller.referentId || facts.equipe.includes(caller.referentId));
    case 'agent':
    case 'accueil':
      return true;
    case 'analyste':
      return false;
  }
}

/**
 * Whether `maySeeUsager` and `teamOnly` read the usager's référent and support team for this
 * caller: only when a référent role is active and no role that sees anyone (partner agent,
 * reception agent) is. Otherwise both decide without the access facts, whatever they hold
 * (rowPolicy.test.ts checks it on every combination of roles and purposes), and only the
 * objections may still need them — when the answer holds partners' data (createRowGuard.ts).
 */
export function relationDecides(caller: Caller, finalite: Finalite): boolean {
  const active = activeRoles(caller, finalite);
  return active.includes('referent') && !active.includes('agent') && !active.includes('accueil');
}

/** Whether the usager's objection to a partner hides its data from this caller: not from the usager, nor from that partner's own agents. */
export function objectionApplies(caller: Caller, finalite: Finalite, isSelf: boolean, partenaire: Partenaire): boolean {
  const active = activeRoles(caller, finalite);
  if (active.includes('usager') && isSelf) return false;
  if (active.includes('agent') && caller.partenaire === partenaire) return false;
  return true;
}

/**
 * Whether the caller sees this usager only as a member of their support team: no other role
 * or relation lets them see the person. Such a caller reads the shared file and the agency's own
 * records, never partners' data (createRowGuard withholds it): that is for the active référent,
 * the usager and partners' agents.
 */
export function teamOnly(caller: Caller, finalite: Finalite, isSelf: boolean, facts: AccessFacts | undefined): boolean {
  const active = activeRoles(caller, finalite);
  if (facts === undefined || caller.referentId === null || !active.includes('referent')) return false;
  if (active.includes('agent') || active.includes('accueil') || (active.includes('usager') && isSelf)) return false;
  return facts.referentId !== caller.referentId && facts.equipe.includes(caller.referentId);
}
