import { GraphQLError, parse, validate, type GraphQLSchema } from 'graphql';

/** A front-end operation the gateway trusts, from gateway/operations or the persisted-operations manifest. */
export interface PersistedOperationDocument {
  name: string;
  /** Where it comes from, e.g. `gateway/operations/Liste.graphql`. */
  source: string;
  /** The document: the operation and the fragments it uses. */
  body: string;
}

/** An operation the new API schema no longer accepts, with graphql-js's errors. */
export interface OperationFailure {
  name: string;
  sources: string[];
  errors: string[];
}

/**
 * Validates each operation against the API schema with graphql-js's rules, as the gateway would.
 * The same operation usually comes twice (its .graphql file and the manifest): one failure is
 * reported for both when they fail alike.
 */
export function validatePersistedOperations(schema: GraphQLSchema, operations: readonly PersistedOperationDocument[]): OperationFailure[] {
  const failures = new Map<string, OperationFailure>();
  for (const operation of operations) {
    let errors: string[];
    try {
      errors = validate(schema, parse(operation.body)).map(describe);
    } catch (error) {
      errors = [error instanceof GraphQLError ? describe(error) : String(error)];
    }
    if (errors.length === 0) continue;
    const key = JSON.stringify([operation.name, errors]);
    const failure = failures.get(key);
    if (failure) failure.sources.push(operation.source);
    else failures.set(key, { name: operation.name, sources: [operation.source], errors });
  }
  return [...failures.values()];
}

function describe(error: GraphQLError): string {
  const at = error.locations?.[0];
  return at ? `${error.message} (line ${at.line}, column ${at.column})` : error.message;
}
