import type { GatewayExecutor, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { createHash } from 'node:crypto';
import { Kind, print, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { injectUsagerIds } from '../../rows/injectUsagerIds';

/**
 * Plans and runs the operation as the previous steps rewrote it, with every Usager's id read
 * under an alias so the answer can be checked usager by usager. ApolloGateway's plan cache is
 * keyed on the rewritten text, so two callers allowed different fields never share a plan.
 */
export async function executePlan(input: {
  executor: GatewayExecutor;
  requestContext: GatewayGraphQLRequestContext;
  document: DocumentNode;
  operationName: string | null;
  variables: Record<string, unknown>;
  schema: GraphQLSchema;
}) {
  const { executor, requestContext, operationName, variables } = input;
  const document = injectUsagerIds(input.document, input.schema);
  const text = print(document);
  const result = await executor({
    ...requestContext,
    document,
    operation: document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName)) ?? requestContext.operation,
    source: text,
    queryHash: createHash('sha256').update(text).digest('hex'),
    request: { ...requestContext.request, query: text, variables },
  } as typeof requestContext);
  return { result, document };
}
