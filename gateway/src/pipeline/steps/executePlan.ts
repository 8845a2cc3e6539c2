import type { GatewayExecutor, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { createHash } from 'node:crypto';
import { Kind, print, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { injectUsagerIds } from '../../rows/injectUsagerIds';

/** What the plan runs for one document: the rewritten document, its text and its hash. */
interface Prepared {
  document: DocumentNode;
  text: string;
  queryHash: string;
}

/**
 * Prepared documents by schema and by the document the previous steps hand over: the same object
 * for every request whose document and rights profile are the same (authorizeFields' cache, when
 * row authorization rewrote nothing). The entry is a function of its key alone, so nothing of a
 * caller is in it; a document rewritten for one request (a refused id) is a new object, and its
 * entry goes with it.
 */
const prepared = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Prepared>>();

function prepare(document: DocumentNode, schema: GraphQLSchema): Prepared {
  let bySchema = prepared.get(schema);
  if (!bySchema) prepared.set(schema, (bySchema = new WeakMap()));
  const known = bySchema.get(document);
  if (known) return known;
  const rewritten = injectUsagerIds(document, schema);
  const text = print(rewritten);
  const entry = { document: rewritten, text, queryHash: createHash('sha256').update(text).digest('hex') };
  bySchema.set(document, entry);
  return entry;
}

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
  const { document, text, queryHash } = prepare(input.document, input.schema);
  const result = await executor({
    ...requestContext,
    document,
    operation: document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName)) ?? requestContext.operation,
    source: text,
    queryHash,
    request: { ...requestContext.request, query: text, variables },
  } as typeof requestContext);
  return { result, document };
}
