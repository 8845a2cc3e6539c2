import { GraphQLError, Kind, TypeInfo, getNamedType, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema, type ValueNode } from 'graphql';
import type { PartnerRegistry } from '../../partners/PartnerRegistry';

/** The scalar a subgraph types a partner's code with (schema/PARTENAIRES.md). */
export const partnerCodeScalar = 'CodePartenaire';

function codesIn(value: ValueNode, variables: Record<string, unknown>): unknown[] {
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return Array.isArray(given) ? given : [given];
  }
  if (value.kind === Kind.STRING) return [value.value];
  if (value.kind === Kind.LIST) return value.values.flatMap((item) => codesIn(item, variables));
  return [];
}

/**
 * Arguments typed `CodePartenaire` must name a partner the supergraph declares: which partners
 * exist is the supergraph's to say, so the subgraph that receives the code (the Département's,
 * for objections) cannot check it and the gateway does, before anything runs.
 */
export function checkPartnerCodes(input: { document: DocumentNode; schema: GraphQLSchema; variables: Record<string, unknown>; registry: PartnerRegistry }): GraphQLError[] {
  const typeInfo = new TypeInfo(input.schema);
  const errors: GraphQLError[] = [];
  visit(
    input.document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const type = typeInfo.getArgument()?.type;
        if (type === undefined || getNamedType(type).name !== partnerCodeScalar) return;
        for (const code of codesIn(node.value, input.variables)) {
          if (code === null || code === undefined || (typeof code === 'string' && input.registry.partners.has(code))) continue;
          errors.push(new GraphQLError(`No partner of this federation has the code given in ${node.name.value}.`, { extensions: { code: 'ARGUMENT_INVALIDE', argument: node.name.value } }));
        }
      },
    }),
  );
  return errors;
}
