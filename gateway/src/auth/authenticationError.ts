import { HeaderMap } from '@apollo/server';
import { errorCodes } from '@passerelle/subgraph-kit';
import { GraphQLError } from 'graphql';

/** Why a token was refused, as far as the caller is told: a class of problem, never the token nor its claims. */
export type TokenProblem = 'malformed' | 'expired' | 'invalid' | 'claims';

const messages: Record<TokenProblem, string> = {
  malformed: 'The Authorization header must be "Bearer <access token>".',
  expired: 'The access token has expired: get a new one.',
  invalid: 'The access token is not valid.',
  claims: "The access token's claims are incomplete or invalid for its roles.",
};

/**
 * The error for a refused access token: JETON_INVALIDE, HTTP 401 with
 * `WWW-Authenticate: Bearer error="invalid_token"` (RFC 6750), which Apollo Server applies to
 * the response (and removes from the extensions) when it is thrown while building the context.
 */
export function invalidTokenError(problem: TokenProblem): GraphQLError {
  const headers = new HeaderMap();
  headers.set('www-authenticate', 'Bearer error="invalid_token"');
  return new GraphQLError(messages[problem], {
    extensions: { code: 'JETON_INVALIDE', retryable: errorCodes.JETON_INVALIDE.retryable, http: { status: 401, headers } },
  });
}

/**
 * The error when the identity provider's keys cannot be fetched: AUTHENTIFICATION_INDISPONIBLE,
 * HTTP 503, retryable. The token may well be valid, so it is not called invalid; still nobody
 * is let in (fail closed).
 */
export function authenticationUnavailableError(): GraphQLError {
  return new GraphQLError('Access tokens cannot be checked right now (identity provider unreachable): retry later.', {
    extensions: { code: 'AUTHENTIFICATION_INDISPONIBLE', retryable: errorCodes.AUTHENTIFICATION_INDISPONIBLE.retryable, http: { status: 503 } },
  });
}
