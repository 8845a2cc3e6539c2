import { getNamedType, isIntrospectionType, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';

/** Types whose fields are about no person: reading only these is not a consultation to journal. */
const impersonal = new Set(['Query', 'Mutation', 'LieuAccueil', 'AdresseLieu', 'HoraireJour', 'PlageHoraire', 'Permanence', 'EvenementTiersLieu', 'PageInfo']);

/**
 * The schema coordinates an operation reads, grouped by the subgraph answering each (from the
 * supergraph's join directives), and whether any of them is about a person.
 */
export function readsOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  _operationName: string | null,
  owners: ReadonlyMap<string, readonly string[]>,
): { byPartner: Record<string, string[]>; personal: boolean } {
  const typeInfo = new TypeInfo(schema);
  const byPartner = new Map<string, Set<string>>();
  let personal = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        // Introspection (`__schema { types { name } }`) reads the schema, nobody's data: not a consultation.
        if (!parent || isIntrospectionType(getNamedType(parent)) || node.name.value.startsWith('__') || node.alias?.value.startsWith('_passerelle')) return;
        const coordinate = `${getNamedType(parent).name}.${node.name.value}`;
        if (!impersonal.has(getNamedType(parent).name)) personal = true;
        for (const owner of owners.get(coordinate) ?? ['gateway']) {
          if (!byPartner.has(owner)) byPartner.set(owner, new Set());
          byPartner.get(owner)!.add(coordinate);
        }
      },
    }),
  );
  return { byPartner: Object.fromEntries([...byPartner].map(([p, c]) => [p, [...c].sort()])), personal };
}
