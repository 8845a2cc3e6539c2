import { GraphQLError } from 'graphql';
import { errorCodes, type ErrorCode } from './errorCodes';

/** What a Passerelle error carries in `extensions`, besides its code. */
export interface PasserelleErrorDetails {
  /** The partner concerned (`caf`, `cpam`…), when the error is about one. */
  partenaire?: string;
  /** Name of the offending argument, for validation errors. */
  argument?: string;
  /** The opaque id of the usager to use instead (IDENTITE_RAPPROCHEE, IDENTITE_DEJA_CERTIFIEE): never a NIR. */
  usagerId?: string;
  /** Overrides the registry's retryability (rarely needed). */
  retryable?: boolean;
}

/**
 * Builds the GraphQLError for a registered code. The message must never contain a NIR,
 * a name or an address: it is returned to clients and may be logged.
 */
export function passerelleError(code: ErrorCode, message: string, details: PasserelleErrorDetails = {}): GraphQLError {
  const { retryable = errorCodes[code].retryable, ...rest } = details;
  return new GraphQLError(message, { extensions: { code, ...rest, retryable } });
}
