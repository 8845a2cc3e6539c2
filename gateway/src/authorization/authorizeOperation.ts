import type { Caller, Finalite } from '@passerelle/subgraph-kit';
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import type { Denial, Requirements } from './AuthRequirement';
import { requirementHolds } from './requirementHolds';

/**
 * The alias of the `__typename` left in a selection set whose every field was removed, so that
 * the operation stays valid; `applyDenials` removes it from the answer.
 */
export const placeholderAlias = '_passerelleAutorisation';

const placeholder: FieldNode = { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: placeholderAlias }, name: { kind: Kind.NAME, value: '__typename' } };

export interface AuthorizeOperationInput {
  /** The parsed (and validated) request document. */
  document: DocumentNode;
  /** The operation to run; null or undefined when the document has only one. */
  operationName?: string | null;
  /** The API schema (what clients see). */
  schema: GraphQLSchema;
  requirements: Requirements;
  /** null: nobody is identified. */
  caller: Caller | null;
  /** The operation's checked purpose; null before it is known (only public and `@authenticated` elements then hold). */
  finalite: Finalite | null;
}

export interface AuthorizedOperation {
  /** The operation(s) with every unauthorized field removed and named fragments inlined. */
  document: DocumentNode;
  /** One entry per removed field (per response path and coordinate). */
  denials: Denial[];
}

/**
 * Field authorization before planning, the way Apollo Router does it: every field the caller
 * may not read (its coordinate's requirement, or its return type's) is removed from the
 * operation and reported as a denial; the rest runs. Named fragments are inlined, so that each
 * use is checked, and reported, at its own path. A selection set left empty keeps an aliased
 * `__typename`; an operation entirely denied keeps only that.
 */
export function authorizeOperation({ document, operationName, schema, requirements, caller, finalite }: AuthorizeOperationInput): AuthorizedOperation {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const code = caller === null ? 'NON_AUTHENTIFIE' : 'ACCES_REFUSE';
  const denials = new Map<string, Denial>();
  const deny = (path: string[], coordinate: string) => denials.set(JSON.stringify([path, coordinate]), { path, coordinate, code });

  /** The first coordinate whose requirement fails, among these; undefined when all hold. */
  const failing = (coordinates: readonly string[]): string | undefined =>
    coordinates.find((coordinate) => {
      const requirement = requirements.get(coordinate);
      return requirement !== undefined && !requirementHolds(requirement, caller, finalite);
    });
  // A type's requirement, and, for an interface or a union, that of every type it may be at run time.
  const typeCoordinates = (type: GraphQLNamedType): string[] => (isAbstractType(type) ? [type.name, ...schema.getPossibleTypes(type).map((t) => t.name)] : [type.name]);
  const fieldCoordinates = (parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>): string[] => [
    `${parent.name}.${field.name}`,
    ...(isAbstractType(parent) ? schema.getPossibleTypes(parent).map((t) => `${t.name}.${field.name}`) : []),
    ...typeCoordinates(getNamedType(field.type)),
  ];

  /** Response keys of the fields a fragment selects at its own level, to report them when the fragment is denied. */
  const keysOf = (selections: readonly SelectionNode[], visiting: ReadonlySet<string>): string[] =>
    selections.flatMap((s) => {
      if (s.kind === Kind.FIELD) return [s.alias?.value ?? s.name.value];
      if (s.kind === Kind.INLINE_FRAGMENT) return keysOf(s.selectionSet.selections, visiting);
      return visiting.has(s.name.value) ? [] : keysOf(fragmentOf(s.name.value, visiting).selectionSet.selections, new Set([...visiting, s.name.value]));
    });

  function fragmentOf(name: string, visiting: ReadonlySet<string>): FragmentDefinitionNode {
    const fragment = fragments.get(name);
    // Only a document that failed validation gets here: refuse it rather than guess.
    if (fragment === undefined) throw new Error(`Unknown fragment "${name}": validate the document before authorizing it.`);
    if (visiting.has(name)) throw new Error(`Fragment "${name}" spreads itself: validate the document before authorizing it.`);
    return fragment;
  }

  /** These selections with every named fragment inlined, unfiltered (what introspection selects is nobody's data). */
  function inline(selections: readonly SelectionNode[], visiting: ReadonlySet<string>): SelectionNode[] {
    return selections.map((selection): SelectionNode => {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragmentOf(name, visiting);
        const selectionSet = { ...fragment.selectionSet, selections: inline(fragment.selectionSet.selections, new Set([...visiting, name])) };
        return { kind: Kind.INLINE_FRAGMENT, typeCondition: fragment.typeCondition, directives: selection.directives, selectionSet };
      }
      if (selection.selectionSet === undefined) return selection;
      return { ...selection, selectionSet: { ...selection.selectionSet, selections: inline(selection.selectionSet.selections, visiting) } };
    });
  }

  function filterFragment(fragment: InlineFragmentNode, parent: GraphQLCompositeType, path: string[], visiting: ReadonlySet<string>): InlineFragmentNode | null {
    const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
    if (condition === undefined || condition === null || !isCompositeType(condition)) return fragment;
    const denied = failing(typeCoordinates(condition));
    if (denied !== undefined) {
      for (const key of keysOf(fragment.selectionSet.selections, visiting)) deny([...path, key], denied);
      return null;
    }
    const selections = filter(fragment.selectionSet.selections, condition, path, visiting);
    return selections.length === 0 ? null : { ...fragment, selectionSet: { ...fragment.selectionSet, selections } };
  }

  function filter(selections: readonly SelectionNode[], parent: GraphQLCompositeType, path: string[], visiting: ReadonlySet<string>): SelectionNode[] {
    const kept: SelectionNode[] = [];
    for (const selection of selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragmentOf(name, visiting);
        const inline: InlineFragmentNode = { kind: Kind.INLINE_FRAGMENT, typeCondition: fragment.typeCondition, directives: selection.directives, selectionSet: fragment.selectionSet };
        const filtered = filterFragment(inline, parent, path, new Set([...visiting, name]));
        if (filtered !== null) kept.push(filtered);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const filtered = filterFragment(selection, parent, path, visiting);
        if (filtered !== null) kept.push(filtered);
        continue;
      }
      const name = selection.name.value;
      const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
      // Meta-fields (__typename, __schema, __type) carry no data of anyone; an unknown field fails validation anyway.
      // Their fragments are inlined too: the document that runs keeps no fragment definition.
      if (name.startsWith('__') || field === undefined) {
        kept.push(selection.selectionSet === undefined ? selection : { ...selection, selectionSet: { ...selection.selectionSet, selections: inline(selection.selectionSet.selections, visiting) } });
        continue;
      }
      const fieldPath = [...path, selection.alias?.value ?? name];
      const denied = failing(fieldCoordinates(parent, field));
      if (denied !== undefined) {
        deny(fieldPath, denied);
        continue;
      }
      const returned = getNamedType(field.type);
      if (selection.selectionSet === undefined || !isCompositeType(returned)) {
        kept.push(selection);
        continue;
      }
      const children = filter(selection.selectionSet.selections, returned, fieldPath, visiting);
      kept.push({ ...selection, selectionSet: { ...selection.selectionSet, selections: children.length > 0 ? children : [placeholder] } });
    }
    return kept;
  }

  const authorize = (operation: OperationDefinitionNode): OperationDefinitionNode => {
    const root = schema.getRootType(operation.operation);
    if (root === undefined || root === null) return operation;
    const selections = filter(operation.selectionSet.selections, root, [], new Set());
    const authorized = { ...operation, selectionSet: { ...operation.selectionSet, selections: selections.length > 0 ? selections : [placeholder] } };
    // A variable only a removed field used would fail validation ("never used"): its definition goes too.
    const used = new Set<string>();
    visit({ ...authorized, variableDefinitions: [] }, { Variable: (node) => void used.add(node.name.value) });
    return { ...authorized, variableDefinitions: authorized.variableDefinitions?.filter((v) => used.has(v.variable.name.value)) };
  };

  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (operationName == null || d.name?.value === operationName));
  // A new document without `loc`: nothing downstream may read the original text for what now runs.
  return { document: { kind: Kind.DOCUMENT, definitions: operations.map(authorize) }, denials: [...denials.values()] };
}
