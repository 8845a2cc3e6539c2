import {
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** One object of the response, with the type it has in the schema and where it sits. */
export interface VisitedObject {
  typeName: string;
  object: Record<string, unknown>;
  path: Array<string | number>;
  /** Response key → schema field name, for the fields selected on this object. */
  fields: Map<string, string>;
}

/**
 * Walks a response along the operation that produced it, calling `visit` for every object with
 * its schema type and the field name behind each response key (aliases resolved, fragments
 * followed). Objects are visited parent first, so a visitor may prune what lies below.
 */
export function walkResult(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  data: Record<string, unknown> | null | undefined,
  visit: (visited: VisitedObject) => void,
): void {
  if (!data) return;
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return;
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const root =
    operation.operation === OperationTypeNode.MUTATION ? schema.getMutationType() : operation.operation === OperationTypeNode.SUBSCRIPTION ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return;

  const collect = (type: GraphQLObjectType, selectionSet: SelectionSetNode, into: FieldNode[], seen: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) into.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        if (!condition || applies(type, condition)) collect(type, selection.selectionSet, into, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value) && applies(type, fragment.typeCondition.name.value)) {
          collect(type, fragment.selectionSet, into, new Set([...seen, fragment.name.value]));
        }
      }
    }
  };
  const applies = (type: GraphQLObjectType, condition: string) => {
    if (condition === type.name) return true;
    const conditionType = schema.getType(condition);
    return conditionType !== undefined && isAbstractType(conditionType) && schema.isSubType(conditionType, type);
  };

  const walkObject = (type: GraphQLObjectType, selectionSets: SelectionSetNode[], object: Record<string, unknown>, path: Array<string | number>) => {
    const nodes: FieldNode[] = [];
    for (const set of selectionSets) collect(type, set, nodes, new Set());
    const fields = new Map(nodes.map((n) => [n.alias?.value ?? n.name.value, n.name.value]));
    visit({ typeName: type.name, object, path, fields });
    const byKey = new Map<string, FieldNode[]>();
    for (const node of nodes) byKey.set(node.alias?.value ?? node.name.value, [...(byKey.get(node.alias?.value ?? node.name.value) ?? []), node]);
    for (const [key, sameKey] of byKey) {
      const value = object[key];
      const definition = type.getFields()[sameKey[0]!.name.value];
      if (value === null || value === undefined || !definition) continue;
      const sets = sameKey.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
      if (sets.length === 0) continue;
      walkValue(getNamedType(definition.type), sets, value, [...path, key]);
    }
  };
  const walkValue = (named: ReturnType<typeof getNamedType>, sets: SelectionSetNode[], value: unknown, path: Array<string | number>) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => walkValue(named, sets, item, [...path, index]));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    const concrete = isObjectType(named) ? named : typeof object.__typename === 'string' ? schema.getType(object.__typename) : undefined;
    if (concrete && isObjectType(concrete)) walkObject(concrete, sets, object, path);
  };

  walkObject(root, [operation.selectionSet], data, []);
}
