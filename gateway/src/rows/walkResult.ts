import {
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
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
  /** Response key → schema field name, for the fields selected on this object (shared by every object of the same shape: read only). */
  fields: ReadonlyMap<string, string>;
  /** The object and response key holding this object, or the list it is in; null for the root. */
  holder: { object: Record<string, unknown>; key: string } | null;
}

/** A response key under an object whose value has a selection set: where the walk goes next. */
interface Child {
  key: string;
  named: GraphQLNamedType;
  sets: SelectionSetNode[];
  /** The shape of the objects found there, by concrete type: computed once, on the first such object. */
  shapes: Map<string, Shape>;
  /** Whether an object of a wanted type can be found there, at any depth of what is selected: worked out once. */
  reaches?: boolean;
}

/** What the operation selects on objects of one type at one place of the answer. */
interface Shape {
  fields: ReadonlyMap<string, string>;
  children: Child[];
}

/**
 * Walks a response along the operation that produced it, calling `visit` for every object of a
 * `wanted` type with its schema type, where it sits and the field name behind each response key
 * (aliases resolved, fragments followed), parents before what lies below them.
 *
 * The selections are resolved once per type and place in the answer (a shape), not once per
 * object: the 50 usagers of a list share one. A place whose selections can hold no object of a
 * wanted type, by the schema's types (a partner's data under a usager, for the row guard), is not
 * walked at all, and the path is one stack copied only for a visited object: a caseload of 50
 * full files is 50 visits, not one per payment, child and lease. Shapes live for one walk only.
 */
export function walkResult(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  data: Record<string, unknown> | null | undefined,
  wanted: ReadonlySet<string>,
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

  const walk = new ResultWalk(schema, fragments, wanted, visit);
  walk.walkObject(root, walk.shapeOf(root, [operation.selectionSet]), data, null);
}

/**
 * One walk's state and steps (walkResult). Methods rather than closures made per walk: the
 * function objects live as long as the process, and so does the machine code V8 optimized them
 * into (docs/performance.md, "Functions that stay optimized").
 */
class ResultWalk {
  /** The path to the object being walked: one stack, pushed and popped. */
  private readonly path: Array<string | number> = [];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly wanted: ReadonlySet<string>,
    private readonly visit: (visited: VisitedObject) => void,
  ) {}

  private applies(type: GraphQLObjectType, condition: string): boolean {
    if (condition === type.name) return true;
    const conditionType = this.schema.getType(condition);
    return conditionType !== undefined && isAbstractType(conditionType) && this.schema.isSubType(conditionType, type);
  }

  private collect(type: GraphQLObjectType, selectionSet: SelectionSetNode, into: FieldNode[], seen: ReadonlySet<string>): void {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) into.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        if (!condition || this.applies(type, condition)) this.collect(type, selection.selectionSet, into, seen);
      } else {
        const fragment = this.fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value) && this.applies(type, fragment.typeCondition.name.value)) {
          this.collect(type, fragment.selectionSet, into, new Set([...seen, fragment.name.value]));
        }
      }
    }
  }

  shapeOf(type: GraphQLObjectType, selectionSets: readonly SelectionSetNode[]): Shape {
    const nodes: FieldNode[] = [];
    for (const set of selectionSets) this.collect(type, set, nodes, new Set());
    const fields = new Map<string, string>();
    const byKey = new Map<string, FieldNode[]>();
    for (const node of nodes) {
      const key = node.alias?.value ?? node.name.value;
      if (!fields.has(key)) fields.set(key, node.name.value);
      const sameKey = byKey.get(key);
      if (sameKey) sameKey.push(node);
      else byKey.set(key, [node]);
    }
    const children: Child[] = [];
    const definitions = type.getFields();
    for (const [key, sameKey] of byKey) {
      const definition = definitions[sameKey[0]!.name.value];
      const sets: SelectionSetNode[] = [];
      for (const node of sameKey) if (node.selectionSet) sets.push(node.selectionSet);
      if (definition && sets.length > 0) children.push({ key, named: getNamedType(definition.type), sets, shapes: new Map() });
    }
    return { fields, children };
  }

  private shapeAt(child: Child, concrete: GraphQLObjectType): Shape {
    let shape = child.shapes.get(concrete.name);
    if (shape === undefined) {
      shape = this.shapeOf(concrete, child.sets);
      child.shapes.set(concrete.name, shape);
    }
    return shape;
  }

  /** Finite: each step goes one level down the operation's selections (fragments are not followed twice). */
  private reaches(child: Child): boolean {
    if (child.reaches === undefined) {
      const concretes = isObjectType(child.named) ? [child.named] : isAbstractType(child.named) ? this.schema.getPossibleTypes(child.named) : [];
      child.reaches = concretes.some((type) => this.wanted.has(type.name) || this.shapeAt(child, type).children.some((below) => this.reaches(below)));
    }
    return child.reaches;
  }

  walkObject(type: GraphQLObjectType, shape: Shape, object: Record<string, unknown>, holder: VisitedObject['holder']): void {
    if (this.wanted.has(type.name)) this.visit({ typeName: type.name, object, path: [...this.path], fields: shape.fields, holder });
    for (const child of shape.children) {
      if (!this.reaches(child)) continue;
      const value = object[child.key];
      if (value === null || value === undefined) continue;
      this.path.push(child.key);
      this.walkValue(child, value, { object, key: child.key });
      this.path.pop();
    }
  }

  private walkValue(child: Child, value: unknown, holder: NonNullable<VisitedObject['holder']>): void {
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index += 1) {
        this.path.push(index);
        this.walkValue(child, value[index], holder);
        this.path.pop();
      }
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    const concrete = isObjectType(child.named) ? child.named : typeof object.__typename === 'string' ? this.schema.getType(object.__typename) : undefined;
    if (!concrete || !isObjectType(concrete)) return;
    this.walkObject(concrete, this.shapeAt(child, concrete), object, holder);
  }
}
