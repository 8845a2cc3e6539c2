import type { DocumentNode } from 'graphql';
import type { createRowGuard, GuardedOperation } from '../../rows/createRowGuard';
import type { RequestSecurity } from '../RequestSecurity';

/**
 * Row authorization before execution: root fields naming a usager the caller may not see
 * (by id, ids, NIR or `usagerId`, written in the document or in variables) are refused before
 * anything is fetched; every usager named is recorded for the audit. Anonymous operations have
 * no rows to authorize: field authorization already kept them to public fields.
 */
export async function authorizeRows(input: {
  request: RequestSecurity;
  guard: ReturnType<typeof createRowGuard>;
  document: DocumentNode;
  operationName: string | null;
  variables: Record<string, unknown>;
}): Promise<GuardedOperation> {
  const { request, guard, document, operationName, variables } = input;
  if (request.caller === null || request.finalite === null) return { document, variables, errors: [], removedKeys: [] };
  return guard.before({ document, operationName, variables, request });
}
