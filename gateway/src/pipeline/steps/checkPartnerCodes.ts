import { GraphQLError, TypeInfo, isInputObjectType, isListType, isNonNullType, valueFromAST, visit, visitWithTypeInfo, type DocumentNode, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import type { PartnerRegistry } from '../../partners/PartnerRegistry';

/** The scalar a subgraph types a partner's code with (schema/PARTENAIRES.md). */
export const partnerCodeScalar = 'CodePartenaire';

/**
 * The values at `CodePartenaire` positions of an argument's value, however deep: the argument
 * itself, list items, input-object fields (`vers: { codePartenaire }` of `orienterUsager`).
 */
function codesIn(type: GraphQLInputType, value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  if (isNonNullType(type)) return codesIn(type.ofType, value);
  if (isListType(type)) return (Array.isArray(value) ? value : [value]).flatMap((item) => codesIn(type.ofType, item));
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return [];
    const fields = type.getFields();
    return Object.entries(value).flatMap(([name, field]) => (fields[name] ? codesIn(fields[name].type, field) : []));
  }
  return type.name === partnerCodeScalar ? [value] : [];
}

/** Whether a value of this input type can hold a `CodePartenaire` anywhere (input objects may nest, even recursively). */
function carriesCodes(type: GraphQLInputType, seen = new Set<string>()): boolean {
  if (isNonNullType(type) || isListType(type)) return carriesCodes(type.ofType, seen);
  if (!isInputObjectType(type)) return type.name === partnerCodeScalar;
  if (seen.has(type.name)) return false;
  seen.add(type.name);
  return Object.values(type.getFields()).some((field) => carriesCodes(field.type, seen));
}

/** Documents (by schema) none of whose arguments can hold a partner code: nothing to check, whatever the variables. */
const withoutCodes = new WeakMap<GraphQLSchema, WeakSet<DocumentNode>>();

/**
 * Values typed `CodePartenaire` (arguments, list items, input-object fields) must name a partner the supergraph declares: which partners
 * exist is the supergraph's to say, so the subgraph that receives the code (the Département's,
 * for objections) cannot check it and the gateway does, before anything runs.
 */
export function checkPartnerCodes(input: { document: DocumentNode; schema: GraphQLSchema; variables: Record<string, unknown>; registry: PartnerRegistry }): GraphQLError[] {
  let known = withoutCodes.get(input.schema);
  if (!known) withoutCodes.set(input.schema, (known = new WeakSet()));
  if (known.has(input.document)) return [];
  const typeInfo = new TypeInfo(input.schema);
  const errors: GraphQLError[] = [];
  let anyCodes = false;
  visit(
    input.document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const type = typeInfo.getArgument()?.type;
        if (type === undefined) return;
        if (!carriesCodes(type)) return;
        anyCodes = true;
        // The value with its variables in place; invalid values are left to validation.
        for (const code of codesIn(type, valueFromAST(node.value, type, input.variables))) {
          if (typeof code === 'string' && input.registry.partners.has(code)) continue;
          errors.push(new GraphQLError(`No partner of this federation has the code given in ${node.name.value}.`, { extensions: { code: 'ARGUMENT_INVALIDE', argument: node.name.value } }));
        }
      },
    }),
  );
  if (!anyCodes) known.add(input.document);
  return errors;
}
