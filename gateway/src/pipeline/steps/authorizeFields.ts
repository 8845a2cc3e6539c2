import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { Requirements } from '../../authorization/AuthRequirement';
import { authorizeOperation, type AuthorizedOperation } from '../../authorization/authorizeOperation';
import type { RequestSecurity } from '../RequestSecurity';

/**
 * Field authorization: the supergraph's @authenticated / @requiresScopes / @policy, evaluated for
 * this caller and purpose. Fields the caller may not read are removed before planning, so no
 * subgraph is asked for them; each becomes null with an error in the answer (filterAnswer).
 */
export function authorizeFields(input: { request: RequestSecurity; document: DocumentNode; operationName: string | null; schema: GraphQLSchema; requirements: Requirements }): AuthorizedOperation {
  const { request, ...rest } = input;
  return authorizeOperation({ ...rest, caller: request.caller, finalite: request.finalite });
}
