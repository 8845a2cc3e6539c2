import { getNamedType, Kind, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type FieldNode, type GraphQLSchema } from 'graphql';

/** The alias under which the gateway reads every Usager's id for row authorization; removed from the answer. */
export const usagerIdAlias = '_passerelleUsagerId';

const idField: FieldNode = { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: usagerIdAlias }, name: { kind: Kind.NAME, value: 'id' } };

/**
 * Adds `_passerelleUsagerId: id` to every selection set on `Usager` (fields, inline fragments
 * and fragment definitions), so that the gateway knows which usager each object of the answer
 * is, whatever the client selected.
 */
export function injectUsagerIds(document: DocumentNode, schema: GraphQLSchema): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet(node) {
        const parent = typeInfo.getParentType();
        if (!parent || getNamedType(parent).name !== 'Usager') return undefined;
        if (node.selections.some((s) => s.kind === Kind.FIELD && s.alias?.value === usagerIdAlias)) return undefined;
        return { ...node, selections: [...node.selections, idField] };
      },
    }),
  );
}
