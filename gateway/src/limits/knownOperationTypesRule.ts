import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Refuses at validation an operation whose root type the schema lacks (a subscription on the main
 * graph, a mutation on the analysts' contract: neither has one). graphql-js 16 only finds it at
 * execution, where the gateway's pipeline would fail it as an internal error.
 */
export const knownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation) === undefined) {
      context.reportError(new GraphQLError(`Schema is not configured to execute ${node.operation} operation.`, { nodes: node }));
    }
  },
});
