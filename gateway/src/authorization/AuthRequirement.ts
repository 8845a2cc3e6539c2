/**
 * What the supergraph requires to read one schema element (a field `Type.field`, or a type
 * `Type`, whose requirement applies to every field returning it). Lists are in disjunctive
 * normal form, as in the directives: some inner list must hold entirely.
 */
export interface AuthRequirement {
  /** `@authenticated`: a caller must be identified. */
  authenticated: boolean;
  /** `@requiresScopes`: some inner list included in the caller's scopes; null when not required. */
  scopes: string[][] | null;
  /** `@policy`: some inner list whose every policy allows the caller; null when not required. */
  policies: string[][] | null;
}

/** Requirements by schema coordinate (`Type.field` or `Type`); an element absent from it is public. */
export type Requirements = ReadonlyMap<string, AuthRequirement>;

/** Why a field was removed: nobody is identified, or the caller's roles, partner or purpose do not allow it. */
export type DenialCode = 'NON_AUTHENTIFIE' | 'ACCES_REFUSE';

/** A field removed from an operation before it ran. */
export interface Denial {
  /** Response keys (aliases where given) from the root to the field, without list indices. */
  path: string[];
  /** The schema coordinate whose requirement failed: `Type.field`, or `Type` for a type condition. */
  coordinate: string;
  code: DenialCode;
}
