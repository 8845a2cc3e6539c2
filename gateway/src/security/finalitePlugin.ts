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
    // Apollo Server's hooks return promises; the check is synchronous. Its refusal must be a
    // promise already rejected when the hook returns: Apollo Server answers with the first
    // plugin's refusal to settle, and a missing purpose comes before an untrusted document.
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation(requestContext) {
          try {
            const request = securityOf(requestContext.contextValue);
            const header = requestContext.request.http?.headers.get(finaliteHeader) ?? undefined;
            request.declarePurpose(resolveFinalite(request.caller, header, requestContext.request.extensions?.finalite));
            return Promise.resolve();
          } catch (refusal) {
            return Promise.reject(refusal instanceof Error ? refusal : new Error(String(refusal)));
          }
        },
      }),
  };
}
