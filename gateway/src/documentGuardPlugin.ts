import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { memoTokenLimit } from './limits';
import { admitDocument, type TrustedDocumentsOptions } from './trustedDocuments';
import { withSpanSync } from '@passerelle/subgraph-kit/telemetry';

export interface DocumentGuardOptions {
  trustedDocuments: TrustedDocumentsOptions;
  /** GRAPHQL_MAX_TOKENS. */
  maxTokens: number;
  /** Dev mode: refusals may show the limit and the value measured. */
  exposeLimits: boolean;
}

/** Parsed in place of a refused document: trivial, so that a refusal costs nothing; never executed. */
const placeholderDocument = '{ __typename }';

/**
 * What is decided before Apollo Server parses a document: trusted documents (a persisted
 * operation's hash becomes its document; an ad-hoc document may be refused), then its size in
 * tokens. Apollo Server answers 500 to a hook that throws before parsing, so a refused request
 * carries a trivial document instead of its own, and the refusal is thrown where Apollo Server
 * expects refusals (`didResolveOperation`: HTTP 400, the error's code, `didEncounterErrors`).
 * Untrusted documents are thus never parsed nor validated: validation errors would tell a
 * client which fields exist.
 */
export function documentGuardPlugin(options: DocumentGuardOptions): ApolloServerPlugin<BaseContext> {
  const tokenLimit = memoTokenLimit(options.maxTokens, options.exposeLimits);
  return {
    // Apollo Server's hooks return promises; these decide synchronously.
    requestDidStart({ request, contextValue }) {
      const refusal = withSpanSync('authorization document', {}, (span) => {
        const refused = admitDocument(request, contextValue, options.trustedDocuments) ?? (typeof request.query === 'string' ? tokenLimit(request.query) : undefined);
        span.setAttribute('passerelle.admitted', refused === undefined);
        return refused;
      });
      if (refusal === undefined) return Promise.resolve();
      const { persistedQuery: _persistedQuery, ...extensions } = request.extensions ?? {};
      request.query = placeholderDocument;
      request.operationName = undefined;
      request.extensions = extensions;
      return Promise.resolve({
        didResolveOperation: () => Promise.reject(refusal),
      });
    },
  };
}
