import { policies, scopesOf, type Caller, type Finalite } from '@passerelle/subgraph-kit';
import type { AuthRequirement } from './AuthRequirement';

const isPolicyName = (name: string): name is keyof typeof policies => Object.prototype.hasOwnProperty.call(policies, name);

/**
 * Whether a caller, acting for a purpose, meets a requirement. Scopes and policies need both
 * a caller and a purpose: without one, no role is active and nothing but `@authenticated`
 * (and public elements) can be read. An unknown policy never holds.
 */
export function requirementHolds(requirement: AuthRequirement, caller: Caller | null, finalite: Finalite | null): boolean {
  if (requirement.authenticated && caller === null) return false;
  if (requirement.scopes === null && requirement.policies === null) return true;
  if (caller === null || finalite === null) return false;
  if (requirement.scopes !== null) {
    const granted = scopesOf(caller, finalite);
    if (!requirement.scopes.some((all) => all.length > 0 && all.every((scope) => granted.has(scope)))) return false;
  }
  if (requirement.policies !== null) {
    const allowed = (name: string) => isPolicyName(name) && policies[name](caller, finalite);
    if (!requirement.policies.some((all) => all.length > 0 && all.every(allowed))) return false;
  }
  return true;
}
