import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { securityOf } from '../pipeline/RequestSecurity';
import { finaliteHeader, resolveFinalite } from './resolveFinalite';

/**
 * Checks the purpose an operation declares (header `x-passerelle-finalite` or extension
 * `finalite`) against the caller's roles, once the operation is known and before it runs; the
 * checked purpose is then in the request context for authorization, subgraphs and the audit.
 */
export function finalitePlugin(): ApolloServerPlugin<BaseContext> {
  return {
    // Apollo Server's hooks return promises; the check is synchronous, and a refusal (thrown) rejects.
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: (requestContext) =>
          Promise.resolve().then(() => {
            const request = securityOf(requestContext.contextValue);
            const header = requestContext.request.http?.headers.get(finaliteHeader) ?? undefined;
            request.declarePurpose(resolveFinalite(request.caller, header, requestContext.request.extensions?.finalite));
          }),
      }),
  };
}
