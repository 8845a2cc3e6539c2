import type { BaseContext, GraphQLRequest } from '@apollo/server';
import type { Logger } from '@passerelle/subgraph-kit';
import { passerelleError } from '@passerelle/subgraph-kit/errors';
import { activeRoles, type Role } from '@passerelle/subgraph-kit/security';
import { securityOf } from '../pipeline/RequestSecurity';
import { GraphQLError } from 'graphql';
import type { GatewayConfig, TrustedDocumentsMode } from '../config';
import { finaliteHeader, resolveFinalite } from '../security/resolveFinalite';
import { sha256Hex, type PersistedOperations } from './persistedOperationsManifest';

export interface TrustedDocumentsOptions {
  mode: TrustedDocumentsMode;
  /** Under `allow-ad-hoc-for-roles`: a caller with one of these roles active may send any document. */
  adHocRoles: readonly Role[];
  operations: PersistedOperations;
  logger: Logger;
}

/** TRUSTED_DOCUMENTS, or its default for the mode: `off` in dev, `allow-ad-hoc-for-roles` in production. */
export function trustedDocumentsModeOf(config: Pick<GatewayConfig, 'trustedDocuments' | 'mode'>): TrustedDocumentsMode {
  return config.trustedDocuments ?? (config.mode === 'production' ? 'allow-ad-hoc-for-roles' : 'off');
}

function refusal(code: 'DOCUMENT_INCONNU' | 'OPERATION_NON_PERSISTEE', message: string, logger: Logger): GraphQLError {
  logger.info('operation refused', { code });
  const registered = passerelleError(code, message);
  return new GraphQLError(registered.message, { extensions: { ...registered.extensions, http: { status: 400 } } });
}

/**
 * The roles the caller acts under for this operation: none without a caller. The purpose is
 * checked into the context only once the operation is parsed (`finalitePlugin`), which is too
 * late here: until then it is read from the request as `resolveFinalite` reads it; a purpose it
 * refuses leaves no role active (and `finalitePlugin` refuses the request with its own code).
 */
function activeRolesOf(request: GraphQLRequest, contextValue: BaseContext): readonly Role[] {
  const { caller, finalite } = securityOf(contextValue);
  if (!caller) return [];
  if (finalite) return activeRoles(caller, finalite);
  try {
    const declared = resolveFinalite(caller, request.http?.headers.get(finaliteHeader), request.extensions?.finalite);
    return declared ? activeRoles(caller, declared) : [];
  } catch {
    return [];
  }
}

/**
 * Trusted documents, decided before anything is parsed. `extensions.persistedQuery.sha256Hash`
 * names an operation of the manifest, whose body then becomes the request's document (in every
 * mode; Apollo's own APQ is off, so clients cannot register documents). A document sent without
 * a hash runs when it is the body of a persisted operation, or when the mode allows it: `off`
 * always, `allow-ad-hoc-for-roles` for a caller with one of `adHocRoles` active (the caller from
 * the context, a `GatewayRequestContext`; the purpose the request declares), `persisted-only`
 * never. Returns the refusal, or undefined.
 */
export function admitDocument(request: GraphQLRequest, contextValue: BaseContext, options: TrustedDocumentsOptions): GraphQLError | undefined {
  const { mode, adHocRoles, operations, logger } = options;
  const { persistedQuery, ...otherExtensions } = request.extensions ?? {};
  if (persistedQuery !== undefined && persistedQuery !== null) {
    const { version, sha256Hash } = (typeof persistedQuery === 'object' ? persistedQuery : {}) as Record<string, unknown>;
    const operation = version === 1 && typeof sha256Hash === 'string' ? operations.get(sha256Hash) : undefined;
    // A document sent with the hash must be that very operation (Apollo's APQ sends both to register).
    if (operation === undefined || (request.query !== undefined && request.query !== operation.body)) {
      return refusal('DOCUMENT_INCONNU', 'No persisted operation has this sha256Hash (extensions.persistedQuery: { version: 1, sha256Hash }).', logger);
    }
    request.query = operation.body;
    request.extensions = otherExtensions;
    return undefined;
  }
  // Without a document Apollo Server refuses the request itself (BAD_REQUEST).
  if (typeof request.query !== 'string' || request.query === '' || mode === 'off') return undefined;
  if (operations.has(sha256Hex(request.query))) return undefined;
  if (mode === 'allow-ad-hoc-for-roles' && activeRolesOf(request, contextValue).some((role) => adHocRoles.includes(role))) return undefined;
  return refusal('OPERATION_NON_PERSISTEE', 'Only persisted operations run here: send extensions.persistedQuery.sha256Hash.', logger);
}
