import type { GraphQLFormattedError } from 'graphql';
import { isErrorCode } from './errorCodes';

/** Codes produced by GraphQL itself or Apollo Server that are safe to show as they are. */
const frameworkCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** Extensions a client may see (see PasserelleErrorDetails). */
const publicExtensions = new Set(['code', 'partenaire', 'argument', 'usagerId', 'retryable']);

/**
 * Apollo Server `formatError`: keeps errors that carry a registered or framework code,
 * replaces anything else (a bug, a raw library error that may quote a payload) by a
 * generic ERREUR_INTERNE. Never returns a stack trace.
 */
export function maskError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (isErrorCode(code) || (typeof code === 'string' && frameworkCodes.has(code))) {
    // Only documented extensions go out: no stack trace, no serviceName, nothing a library added.
    const extensions = Object.fromEntries(Object.entries(formatted.extensions ?? {}).filter(([key]) => publicExtensions.has(key)));
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal error.',
    ...(formatted.path ? { path: formatted.path } : {}),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { code: 'ERREUR_INTERNE', retryable: false },
  };
}
