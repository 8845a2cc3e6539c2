import { GraphQLError, type DocumentNode } from 'graphql';
import type { Denial } from '../../authorization/AuthRequirement';
import { applyDenials } from '../../authorization/applyDenials';
import { placeholderAlias } from '../../authorization/authorizeOperation';
import type { createRowGuard, GuardedOperation } from '../../rows/createRowGuard';
import { injectedUsagerAlias, usagerIdAlias } from '../../rows/injectUsagerIds';
import type { RequestSecurity } from '../RequestSecurity';

type Formatted = { message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> };

/**
 * The answer, filtered: usagers the caller may not see removed (search results) or nulled,
 * objected partners' fields withheld with OPPOSITION_PARTAGE, refused fields and root fields null
 * with their errors, and the gateway's own aliases gone. Every usager left in it is recorded for
 * the audit.
 */
export async function filterAnswer(input: {
  request: RequestSecurity;
  guard: ReturnType<typeof createRowGuard>;
  document: DocumentNode;
  operationName: string | null;
  data: Record<string, unknown> | null;
  errors: readonly GraphQLError[] | undefined;
  denials: readonly Denial[];
  refusedRoots: readonly string[];
  /** Row decisions deferred until the facts were known (createRowGuard's `before`). */
  deferred?: GuardedOperation['deferred'];
}): Promise<{
  data: Record<string, unknown> | null;
  /** The plan's errors and field refusals. */ errors: GraphQLError[];
  /** Row authorization's and objections' refusals in the answer. */ rowErrors: GraphQLError[];
}> {
  const { request, guard, document, operationName, data } = input;
  const rowErrors = request.caller !== null && request.finalite !== null ? await guard.after({ document, operationName, data, request, deferred: input.deferred }) : (stripInjectedIds(data), []);
  const withDenials = applyDenials({ data, errors: input.errors }, [...input.denials]);
  const answered = withDenials.data ?? null;
  if (answered) {
    delete answered[placeholderAlias];
    // Root fields refused by row authorization are answered null, like any refused field.
    for (const key of input.refusedRoots) answered[key] = null;
  }
  // applyDenials gives formatted errors; Apollo Server formats GraphQLError instances only.
  const asGraphQLError = (e: GraphQLError | Formatted) => (e instanceof GraphQLError ? e : new GraphQLError(e.message, { path: e.path, extensions: e.extensions }));
  return { data: answered, errors: (withDenials.errors ?? []).map(asGraphQLError), rowErrors };
}

function stripInjectedIds(value: unknown): void {
  if (Array.isArray(value)) value.forEach(stripInjectedIds);
  else if (value && typeof value === 'object') {
    delete (value as Record<string, unknown>)[usagerIdAlias];
    delete (value as Record<string, unknown>)[injectedUsagerAlias];
    Object.values(value).forEach(stripInjectedIds);
  }
}
