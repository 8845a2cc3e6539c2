import type { ApolloServerPlugin, BaseContext, GraphQLRequest } from '@apollo/server';
import { passerelleError } from '@passerelle/subgraph-kit/errors';
import { GraphQLError } from 'graphql';
import { securityOf } from '../pipeline/RequestSecurity';
import { finaliteHeader, resolveFinalite } from '../security/resolveFinalite';
import { analystesGraphqlPath } from './analystesPaths';

/** Parsed in place of a refused document, as documentGuardPlugin does: never executed. */
const placeholderDocument = '{ __typename }';

/** Why the request may not use the analysts' endpoint, or undefined when it may. */
function refusalOf(request: GraphQLRequest, contextValue: BaseContext): GraphQLError | undefined {
  const { caller } = securityOf(contextValue);
  let finalite: string | null = null;
  try {
    finalite = resolveFinalite(caller, request.http?.headers.get(finaliteHeader) ?? undefined, request.extensions?.finalite);
  } catch {
    // finalitePlugin reports the purpose's own problem; here it simply is not `statistique`.
  }
  if (caller !== null && caller.roles.includes('analyste') && finalite === 'statistique') return undefined;
  const registered = passerelleError('RESERVE_AUX_ANALYSTES', `${analystesGraphqlPath} answers analysts only: a token with the role analyste, and the purpose statistique in ${finaliteHeader}.`);
  return new GraphQLError(registered.message, { extensions: { ...registered.extensions, http: { status: caller === null ? 401 : 403 } } });
}

/**
 * The analysts' endpoint accepts one profile: `analyste` declaring `statistique`. Decided before
 * the document is parsed, so that nobody else even learns from validation what the contract
 * holds; a refused request carries a trivial document and is refused where Apollo Server expects
 * refusals (documentGuardPlugin does the same for untrusted documents).
 */
export function analystesOnlyPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    requestDidStart({ request, contextValue }) {
      const refusal = refusalOf(request, contextValue);
      if (refusal === undefined) return Promise.resolve();
      const { persistedQuery: _persistedQuery, ...extensions } = request.extensions ?? {};
      request.query = placeholderDocument;
      request.operationName = undefined;
      request.extensions = extensions;
      return Promise.resolve({ didResolveOperation: () => Promise.reject(refusal) });
    },
  };
}
