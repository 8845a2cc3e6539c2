import { getNamedType, isObjectType, Kind, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type FieldNode, type GraphQLNamedType, type GraphQLSchema } from 'graphql';

/** The alias under which the gateway reads every Usager's id for row authorization; removed from the answer. */
export const usagerIdAlias = '_passerelleUsagerId';

/** The alias under which the gateway reads the usager an object names (a referral's, a payload's) when the client did not ask for it; removed from the answer. */
export const injectedUsagerAlias = '_passerelleUsager';

const idField: FieldNode = { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: usagerIdAlias }, name: { kind: Kind.NAME, value: 'id' } };
const usagerField: FieldNode = {
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: injectedUsagerAlias },
  name: { kind: Kind.NAME, value: 'usager' },
  selectionSet: { kind: Kind.SELECTION_SET, selections: [idField] },
};

/** Whether the gateway adds `_passerelleUsager` to selections on `type`: an object type, not a root type, with a non-list `usager: Usager` field. */
function carriesUsager(type: GraphQLNamedType, schema: GraphQLSchema): boolean {
  const root = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].includes(type as never);
  const usager = isObjectType(type) && !root ? type.getFields().usager : undefined;
  return usager !== undefined && usager.type.toString().replace(/!$/, '') === 'Usager';
}

/** The object types whose selections get `_passerelleUsager` (a referral, a mutation's payload): where the row guard looks for it in the answer. */
export function usagerCarrierTypes(schema: GraphQLSchema): Set<string> {
  return new Set(
    Object.values(schema.getTypeMap())
      .filter((type) => carriesUsager(type, schema))
      .map((type) => type.name),
  );
}

/**
 * Adds `_passerelleUsagerId: id` to every selection set on `Usager` (fields, inline fragments
 * and fragment definitions), so that the gateway knows which usager each object of the answer
 * is, whatever the client selected; and `_passerelleUsager: usager { … }` to every selection set
 * on an object type (not a root type) with a non-list `usager: Usager` field (a referral, a
 * mutation's payload), so
 * that row authorization and the audit journal see the usager an answer is about even when the
 * client asked only for, say, a referral's status.
 */
export function injectUsagerIds(document: DocumentNode, schema: GraphQLSchema): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet(node) {
        const parent = typeInfo.getParentType();
        if (!parent) return undefined;
        if (getNamedType(parent).name === 'Usager') {
          if (node.selections.some((s) => s.kind === Kind.FIELD && s.alias?.value === usagerIdAlias)) return undefined;
          return { ...node, selections: [...node.selections, idField] };
        }
        // Root types name usagers by argument: row authorization reads those before execution.
        if (!carriesUsager(parent, schema)) return undefined;
        if (node.selections.some((s) => s.kind === Kind.FIELD && s.alias?.value === injectedUsagerAlias)) return undefined;
        return { ...node, selections: [...node.selections, usagerField] };
      },
    }),
  );
}
