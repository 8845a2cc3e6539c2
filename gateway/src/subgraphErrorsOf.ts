import type { GraphQLFormattedError } from 'graphql';

function isFormattedError(value: unknown): value is GraphQLFormattedError {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

/**
 * The GraphQL errors of a subgraph's response body, when it is a GraphQL response with at
 * least one error; `undefined` for anything else (HTML from a proxy, text, an empty body).
 */
export function subgraphErrorsOf(body: unknown): GraphQLFormattedError[] | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors) || errors.length === 0 || !errors.every(isFormattedError)) return undefined;
  return errors;
}
