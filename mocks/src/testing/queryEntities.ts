import type { SubgraphCallOptions, SubgraphTarget } from './gatewayContextHeaders';
import { postGraphQL, type GraphQLAnswer } from './postGraphQL';

/**
 * Asks a subgraph to resolve entities the way the gateway's query planner does: an `_entities`
 * query with one representation per key (`{ nir }`, `{ identitePivot }`…), `__typename` added,
 * and a signed context (anonymous unless `options.appel` says otherwise).
 * `selection` is what is asked of each entity, e.g. `caf { numeroAllocataire }`.
 */
export function queryEntities<TEntity>(
  subgraph: SubgraphTarget,
  keys: ReadonlyArray<Record<string, unknown>>,
  selection: string,
  typename = 'Usager',
  options: SubgraphCallOptions = {},
): Promise<GraphQLAnswer<{ _entities: Array<TEntity | null> }>> {
  const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`;
  return postGraphQL(subgraph, query, { r: keys.map((key) => ({ __typename: typename, ...key })) }, options);
}
