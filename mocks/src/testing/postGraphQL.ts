import { gatewayContextHeaders, type SubgraphCallOptions, type SubgraphTarget } from './gatewayContextHeaders';

/** One entry of a GraphQL answer's `errors`, as Apollo serialises it. */
export interface GraphQLErrorEntry {
  message: string;
  locations?: unknown[];
  path?: unknown[];
  extensions: Record<string, unknown>;
}

/**
 * The body of a GraphQL answer, exactly as the server sent it: tests compare whole answers
 * with `toEqual`, so nothing (not even the HTTP status) is added to it.
 */
export interface GraphQLAnswer<TData> {
  data?: TData | null;
  errors?: GraphQLErrorEntry[];
}

/**
 * POSTs a query to a subgraph's `/graphql` the way the gateway does, with a context signed for
 * that subgraph (anonymous unless `options.appel` says who calls and for what), and returns the
 * parsed answer.
 */
export async function postGraphQL<TData = Record<string, unknown>>(
  subgraph: SubgraphTarget,
  query: string,
  variables: Record<string, unknown> = {},
  options: SubgraphCallOptions = {},
): Promise<GraphQLAnswer<TData>> {
  const response = await fetch(`${subgraph.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await gatewayContextHeaders(subgraph.name, options)) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLAnswer<TData>;
}
