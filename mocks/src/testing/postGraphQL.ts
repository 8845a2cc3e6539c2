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

/** POSTs a query to a GraphQL endpoint (`${server.url}/graphql`) the way the gateway does, and returns the parsed answer. */
export async function postGraphQL<TData = Record<string, unknown>>(endpoint: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer<TData>> {
  const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as GraphQLAnswer<TData>;
}
