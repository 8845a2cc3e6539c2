import { Kind, type DocumentNode } from 'graphql';

/**
 * Where the error of a fetch that failed as a whole belongs in the client's response. An
 * error thrown by a data source keeps only the path it was built with (executeQueryPlan
 * pushes it as is), so the data source computes it:
 * - an entity fetch: the entities' place (`pathInIncomingRequest`), cut before the first
 *   list marker `@`, which is not a valid response path element;
 * - a root fetch: its root field, when it asks for exactly one; otherwise no path.
 */
export function failedFetchPath(pathInIncomingRequest: readonly (string | number)[] | undefined, document: DocumentNode | undefined): (string | number)[] | undefined {
  if (pathInIncomingRequest && pathInIncomingRequest.length > 0) {
    const cut = pathInIncomingRequest.indexOf('@');
    const path = cut === -1 ? [...pathInIncomingRequest] : pathInIncomingRequest.slice(0, cut);
    return path.length > 0 ? path : undefined;
  }
  const operation = document?.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const selections = operation?.selectionSet.selections ?? [];
  const [only] = selections;
  if (selections.length !== 1 || only?.kind !== Kind.FIELD) return undefined;
  return [only.alias?.value ?? only.name.value];
}
