import { partnerCodePattern, roles as knownRoles, type Caller, type Role } from '@passerelle/subgraph-kit';

/** A référent's id in the Département's registry, as the claim `referent_id` carries it (e.g. `ref-001`). */
export const referentIdPattern = /^ref-\d{3,6}$/;

/**
 * The shape of an opaque usager id (`u_` + base64url, see the kit's usager id codec), as the claim
 * `usager_id` carries it. Only the shape is checked here: whether Passerelle issued it is the
 * identity subgraph's to say (the gateway does not hold USAGER_ID_SECRET).
 */
export const usagerIdPattern = /^u_[A-Za-z0-9_-]{16,98}$/;

/** `sub`: printable ASCII without spaces, as IdPs issue account ids (UUIDs, opaque strings). */
export const subjectPattern = /^[\x21-\x7e]{1,200}$/;
/** `organisation`: a short code such as `CD12` or `CAF12`. */
export const organisationPattern = /^[\p{L}\p{N}][\p{L}\p{N} ._'-]{0,99}$/u;

/** Claims that do not make a Caller; `claim` names the first offending one, for the logs only. */
export class ClaimsError extends Error {
  constructor(readonly claim: string) {
    super(`claim ${claim} missing or invalid`);
    this.name = 'ClaimsError';
  }
}

function requiredClaim(payload: Record<string, unknown>, claim: string, pattern: RegExp): string {
  const value = payload[claim];
  if (typeof value !== 'string' || !pattern.test(value)) throw new ClaimsError(claim);
  return value;
}

/** A claim required when `expected`, and refused when not: contradictory claims are refused rather than ignored. */
function claimIff(payload: Record<string, unknown>, claim: string, pattern: RegExp, expected: boolean): string | null {
  if (expected) return requiredClaim(payload, claim, pattern);
  if (payload[claim] !== undefined) throw new ClaimsError(claim);
  return null;
}

function rolesOf(value: unknown): Role[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > knownRoles.length * 2) throw new ClaimsError('roles');
  if (!value.every((role): role is Role => typeof role === 'string' && (knownRoles as readonly string[]).includes(role))) throw new ClaimsError('roles');
  const unique = [...new Set(value)];
  // A usager acts for themselves only: a token that is both a usager's and a professional's is refused.
  if (unique.includes('usager') && unique.length > 1) throw new ClaimsError('roles');
  return unique;
}

/**
 * Turns the claims of a verified access token into a Caller: `sub` (required), `roles` (a
 * non-empty array of known roles; `usager` alone), `organisation` (required; `usager` for a
 * usager), and each of `partenaire`, `referent_id`, `usager_id` present if and only if the
 * role that needs it (`agent`, `referent`, `usager`) is. Throws a ClaimsError otherwise; its
 * message names the claim, never its value.
 */
export function callerFromClaims(payload: Record<string, unknown>): Caller {
  const subject = requiredClaim(payload, 'sub', subjectPattern);
  const roles = rolesOf(payload.roles);
  const organisation = requiredClaim(payload, 'organisation', organisationPattern);
  const kind = roles.includes('usager') ? 'usager' : 'agent';
  if (kind === 'usager' && organisation !== 'usager') throw new ClaimsError('organisation');
  const partenaire = payload.partenaire;
  if (roles.includes('agent') !== (partenaire !== undefined)) throw new ClaimsError('partenaire');
  // Its shape here; whether the partner exists is the supergraph's to say (the pipeline's first step).
  if (partenaire !== undefined && (typeof partenaire !== 'string' || !partnerCodePattern.test(partenaire))) throw new ClaimsError('partenaire');
  return {
    subject,
    kind,
    roles,
    organisation,
    partenaire: partenaire ?? null,
    referentId: claimIff(payload, 'referent_id', referentIdPattern, roles.includes('referent')),
    usagerId: claimIff(payload, 'usager_id', usagerIdPattern, kind === 'usager'),
  };
}
