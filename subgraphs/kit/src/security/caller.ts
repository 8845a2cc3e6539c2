/**
 * Who is calling, and for what: the security model the gateway and the subgraphs share
 * (authentication produces a Caller, purpose selects its active roles, field and row
 * authorization, the signed context sent to subgraphs and the audit journal read it).
 */

/** The agency's roles (docs/security.md). A token may carry several; the operation's purpose selects which are active. */
export const roles = ['accueil', 'referent', 'agent', 'analyste', 'usager'] as const;
export type Role = (typeof roles)[number];

/**
 * A partner's code (`caf`, `france-travail`), as in scopes (`partenaire:caf`). Which partners
 * exist is not written here: each subgraph declares its own with `@partenaire`, and the gateway
 * reads them from the supergraph (gateway/src/partners/readPartnerRegistry.ts).
 */
export type Partenaire = string;

/** The shape of a partner code: lower-case letters, digits and hyphens, 2 to 31 characters. */
export const partnerCodePattern = /^[a-z][a-z0-9-]{1,30}$/;

/** The partner spec subgraphs `@link` to declare their partner (schema/PARTENAIRES.md): its URL without the version, and the version read. */
export const partnerSpec = { identity: 'https://passerelle.aveyron.fr/partenaire', version: 'v0.1' } as const;

/** The closed list of purposes (finalités) an operation can declare. */
export const finalites = ['premier-accueil', 'accompagnement', 'instruction', 'controle', 'statistique', 'information'] as const;
export type Finalite = (typeof finalites)[number];

/** Which purposes each role may declare. `controle` is an agent's purpose and never reaches CAF, MSA or France Travail data. */
export const finalitesParRole: Readonly<Record<Role, readonly Finalite[]>> = {
  accueil: ['premier-accueil'],
  referent: ['accompagnement'],
  agent: ['instruction', 'accompagnement', 'controle'],
  analyste: ['statistique'],
  usager: ['information'],
};

/** An authenticated caller, from a verified access token. Never holds a NIR or a name. */
export interface Caller {
  /** The token's `sub`: an agent's opaque account id, or for a usager their opaque usager id. */
  subject: string;
  kind: 'agent' | 'usager';
  roles: readonly Role[];
  /** The employing organisation (e.g. "CD12", "CAF12"); for a usager, "usager". */
  organisation: string;
  /** For the `agent` role: the partner whose data the agent works on. */
  partenaire: Partenaire | null;
  /** For the `referent` role: the référent's id in the Département's registry (e.g. "ref-001"). */
  referentId: string | null;
  /** For the `usager` role: the caller's own opaque usager id. */
  usagerId: string | null;
}

/** Active roles already worked out, per caller object and purpose: row authorization asks for every usager of every fetch. */
const activeRolesOf = new WeakMap<Caller, Map<Finalite, readonly Role[]>>();

/**
 * The roles a caller acts under for one operation: those of its roles that allow the purpose.
 * Worked out once per caller object and purpose (the roles of a caller never change) and shared:
 * read only.
 */
export function activeRoles(caller: Caller, finalite: Finalite): readonly Role[] {
  let byFinalite = activeRolesOf.get(caller);
  if (byFinalite === undefined) {
    byFinalite = new Map();
    activeRolesOf.set(caller, byFinalite);
  }
  let active = byFinalite.get(finalite);
  if (active === undefined) {
    active = Object.freeze(caller.roles.filter((role) => finalitesParRole[role].includes(finalite)));
    byFinalite.set(finalite, active);
  }
  return active;
}

/**
 * The scopes `@requiresScopes` is evaluated against, for one operation:
 * `role:<role>` for each active role, and `partenaire:<partner>` when `agent` is active.
 */
export function scopesOf(caller: Caller, finalite: Finalite): Set<string> {
  const active = activeRoles(caller, finalite);
  const scopes = new Set(active.map((role) => `role:${role}`));
  if (active.includes('agent') && caller.partenaire !== null) scopes.add(`partenaire:${caller.partenaire}`);
  return scopes;
}

/**
 * Policies `@policy` is evaluated against. A policy is a name the gateway knows how to decide;
 * a supergraph naming any other policy is refused at start-up (fail closed).
 */
export const policies = {
  /** The operation's purpose is not `controle` (CRPA L114-8 II: data shared to inform people of their rights is not used for control). */
  'finalite-hors-controle': (_caller: Caller, finalite: Finalite) => finalite !== 'controle',
} as const satisfies Record<string, (caller: Caller, finalite: Finalite) => boolean>;
export type PolicyName = keyof typeof policies;

/** What the gateway knows about one request once it is authenticated (the Apollo context). */
export interface GatewayRequestContext {
  /** Random id of this request, in logs, the audit journal and the signed context. */
  requestId: string;
  /** null: no token was given (only public fields may then be read). */
  caller: Caller | null;
  /** null until the purpose is checked; always set for an authenticated operation. */
  finalite: Finalite | null;
}
