import { ROUTER_SUPPORTED_SUPERGRAPH_FEATURES, Supergraph } from '@apollo/federation-internals';
import {
  Kind,
  parse,
  print,
  printSchema,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type SchemaExtensionNode,
  type TypeNode,
} from 'graphql';
import { categoryOf, type Requirement } from '../check/classificationConvention';
import { argumentsOf, linkedDirectiveName } from '../check/linkedDirectiveName';

/**
 * The analysts' contract, defined once from the classification of schema/AUTHORIZATION.md:
 * - its entry points are the `Query` fields of the categories an analyst reads (`agregat`: the
 *   statistics; `reseau`: reception places and tiers-lieu events, which hold nobody's data);
 * - it holds every type and field reachable from them through fields whose own category and
 *   return type's category are one of those or `public`;
 * - everything else is made `@inaccessible` in a copy of the supergraph (the contract
 *   supergraph), whose API schema is the contract. The gateway plans analysts' operations on that
 *   copy, so the planner still joins through hidden fields while a client can name none of them.
 * A field classified by its directives cannot be forgotten, unlike a tag that would repeat them:
 * a partner's new aggregate (category `agregat`) is in the contract as soon as it is composed, a
 * personal field can never be, whatever a subgraph declares.
 */
export const contractRootCategories: ReadonlySet<string> = new Set(['agregat', 'reseau']);
/** The categories a contract field or type may have: the roots' and `public` (reference data, structure). */
export const contractCategories: ReadonlySet<string> = new Set([...contractRootCategories, 'public']);

/** The name of the contract and of its committed API schema, schema/api-analystes.graphql. */
export const analystesContractName = 'analystes';

const queryDescription = 'The analysts\u2019 contract (docs/statistics.md): the aggregates of `statistiques`, under statistical secrecy, and the reception network. Nothing in it leads to a person.';

type TypeDefinition = Extract<DefinitionNode, { name: { value: string } }>;

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));
// Linked features' own definitions (`join__Graph`, `requiresScopes__Scope`…) never reach an API schema.
const federationInternal = (name: string) => name.includes('__');

/** The security directives' local names in the supergraph (the composition links them without import). */
function securityNames(document: DocumentNode) {
  const name = (spec: string) => linkedDirectiveName(document, `https://specs.apollo.dev/${spec}/`, spec) ?? spec;
  return { authenticated: name('authenticated'), requiresScopes: name('requiresScopes'), policy: name('policy'), inaccessible: name('inaccessible') };
}

/** The inaccessible spec, linked as composition links it when a subgraph uses `@inaccessible`. */
const inaccessibleLink = parse(`
  extend schema @link(url: "https://specs.apollo.dev/inaccessible/v0.2", for: SECURITY)
  directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
`).definitions;

/** The supergraph, with the inaccessible spec linked when no subgraph used it. */
function withInaccessible(document: DocumentNode): DocumentNode {
  if (linkedDirectiveName(document, 'https://specs.apollo.dev/inaccessible/', 'inaccessible') !== undefined) return document;
  const [extension, definition] = inaccessibleLink as [SchemaExtensionNode, DefinitionNode];
  const definitions = document.definitions.map((node) => (node.kind === Kind.SCHEMA_DEFINITION ? { ...node, directives: [...(node.directives ?? []), ...(extension.directives ?? [])] } : node));
  return { ...document, definitions: [...definitions, definition] };
}

/** The category of an element (schema/src/check/classificationConvention.ts) from its directives; undefined when it is none. */
function categoryOfDirectives(directives: readonly DirectiveNode[] | undefined, names: ReturnType<typeof securityNames>): string | undefined {
  const find = (name: string) => directives?.find((d) => d.name.value === name);
  const lists = (name: string, argument: string) => {
    const directive = find(name);
    if (directive === undefined) return null;
    const value = argumentsOf(directive)[argument];
    return Array.isArray(value) ? value.map((inner) => (Array.isArray(inner) ? inner.map(String) : [String(inner)])) : [];
  };
  const requirement: Requirement = { authenticated: find(names.authenticated) !== undefined, scopes: lists(names.requiresScopes, 'scopes'), policies: lists(names.policy, 'policies') };
  return categoryOf(requirement);
}

export interface Contract {
  /** The supergraph with every element outside the contract `@inaccessible`: what the analysts' gateway plans on. */
  supergraphSdl: string;
  /** The contract's API schema: what analysts see (schema/api-analystes.graphql, without its header). */
  apiSdl: string;
  /** Coordinates (`Type`, `Type.field`) of the supergraph's client-visible elements the contract leaves out. */
  excluded: string[];
}

/**
 * The analysts' contract of a supergraph (its SDL as composed, security directives included).
 * Throws when the supergraph has no `agregat` entry point, or when Apollo's rules for
 * `@inaccessible` refuse the result (an error naming the element).
 */
export function analystesContract(supergraphSdl: string): Contract {
  const document = withInaccessible(parse(supergraphSdl));
  const names = securityNames(document);
  const definitions = new Map<string, TypeDefinition>();
  for (const definition of document.definitions) {
    if ('name' in definition && definition.name !== undefined && definition.kind !== Kind.DIRECTIVE_DEFINITION && !federationInternal(definition.name.value)) {
      definitions.set(definition.name.value, definition as TypeDefinition);
    }
  }
  const hidden = (directives: readonly DirectiveNode[] | undefined) => directives?.some((d) => d.name.value === names.inaccessible) ?? false;
  const typeCategory = (name: string) => {
    const definition = definitions.get(name);
    // Built-in scalars have no definition in the SDL: public.
    return definition === undefined ? 'public' : categoryOfDirectives('directives' in definition ? definition.directives : undefined, names);
  };
  const allowed = (category: string | undefined, categories: ReadonlySet<string>) => category !== undefined && categories.has(category);
  const fieldIn = (field: FieldDefinitionNode, categories: ReadonlySet<string>) =>
    !hidden(field.directives) && allowed(categoryOfDirectives(field.directives, names), categories) && allowed(typeCategory(namedType(field.type)), contractCategories);

  const types = new Set<string>();
  const fields = new Set<string>();
  const queue: string[] = [];
  const includeType = (name: string) => {
    if (types.has(name)) return;
    types.add(name);
    queue.push(name);
  };
  const includeField = (type: string, field: FieldDefinitionNode) => {
    fields.add(`${type}.${field.name.value}`);
    includeType(namedType(field.type));
    for (const argument of field.arguments ?? []) includeType(namedType(argument.type));
  };

  const query = definitions.get('Query');
  const roots = query !== undefined && 'fields' in query ? ((query.fields ?? []) as readonly FieldDefinitionNode[]).filter((f) => fieldIn(f, contractRootCategories)) : [];
  if (!roots.some((f) => categoryOfDirectives(f.directives, names) === 'agregat')) {
    throw new Error('The analysts’ contract has no entry point: no Query field of the supergraph is in the category agregat (schema/AUTHORIZATION.md).');
  }
  types.add('Query');
  for (const root of roots) includeField('Query', root);
  while (queue.length > 0) {
    const definition = definitions.get(queue.shift()!);
    if (definition === undefined) continue;
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.INTERFACE_TYPE_DEFINITION) {
      for (const field of definition.fields ?? []) if (fieldIn(field, contractCategories)) includeField(definition.name.value, field);
      for (const implemented of definition.interfaces ?? []) if (allowed(typeCategory(implemented.name.value), contractCategories)) includeType(implemented.name.value);
    } else if (definition.kind === Kind.UNION_TYPE_DEFINITION) {
      for (const member of definition.types ?? []) if (allowed(typeCategory(member.name.value), contractCategories)) includeType(member.name.value);
    } else if (definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
      // An input is what an included argument accepts: all of it, or the argument could not be written.
      for (const field of definition.fields ?? []) includeType(namedType(field.type));
    }
  }

  const inaccessible: ConstDirectiveNode = { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: names.inaccessible }, arguments: [] };
  const hide = <T extends { directives?: readonly ConstDirectiveNode[] }>(node: T): T => (hidden(node.directives) ? node : { ...node, directives: [...(node.directives ?? []), inaccessible] });
  const excluded: string[] = [];
  const contractDocument: DocumentNode = {
    ...document,
    definitions: document.definitions.map((node) => {
      if (!('name' in node) || node.name === undefined || definitions.get(node.name.value) !== node) return node;
      const name = node.name.value;
      if (!types.has(name)) {
        if (!hidden('directives' in node ? node.directives : undefined)) excluded.push(name);
        return hide(node as TypeDefinition & { directives?: readonly ConstDirectiveNode[] });
      }
      if (node.kind !== Kind.OBJECT_TYPE_DEFINITION && node.kind !== Kind.INTERFACE_TYPE_DEFINITION) return node;
      // Query's description is the identity subgraph's ("entry points of the identity register"): not the contract's.
      const description = name === 'Query' ? { description: { kind: Kind.STRING, value: queryDescription, block: true } as const } : {};
      const kept = (node.fields ?? []).map((field) => {
        if (fields.has(`${name}.${field.name.value}`) || hidden(field.directives)) return field;
        excluded.push(`${name}.${field.name.value}`);
        return hide(field);
      });
      return { ...node, ...description, fields: kept };
    }),
  };
  const contractSdl = print(contractDocument);
  const api = Supergraph.build(contractSdl, { supportedFeatures: ROUTER_SUPPORTED_SUPERGRAPH_FEATURES }).apiSchema().toGraphQLJSSchema();
  return { supergraphSdl: contractSdl, apiSdl: printSchema(api).trimEnd() + '\n', excluded: excluded.sort() };
}
