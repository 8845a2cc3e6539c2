import { Kind, parse, type ConstDirectiveNode, type ConstValueNode } from 'graphql';

const argumentOf = (directive: ConstDirectiveNode, name: string): ConstValueNode | undefined => directive.arguments?.find((a) => a.name.value === name)?.value;

/**
 * Which subgraph answers each schema coordinate (`Type.field`), read from the supergraph's
 * join directives: a field's own non-external `@join__field(graph:)`, else its type's single
 * `@join__type`. Coordinates several subgraphs can answer (shared value types) map to all of them.
 * Used by the audit journal to record what was read from which partner.
 */
export function coordinateOwners(supergraphSdl: string): Map<string, string[]> {
  const document = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph') {
      for (const value of definition.values ?? []) {
        const name =
          value.directives?.find((d) => d.name.value === 'join__graph') &&
          argumentOf(
            value.directives.find((d) => d.name.value === 'join__graph')!,
            'name',
          );
        if (name?.kind === Kind.STRING) graphNames.set(value.name.value, name.value);
      }
    }
  }
  const graphOf = (directive: ConstDirectiveNode) => {
    const graph = argumentOf(directive, 'graph');
    return graph?.kind === Kind.ENUM ? graphNames.get(graph.value) : undefined;
  };
  const owners = new Map<string, string[]>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const typeGraphs = (definition.directives ?? [])
      .filter((d) => d.name.value === 'join__type')
      .map(graphOf)
      .filter((g): g is string => g !== undefined);
    for (const field of definition.fields ?? []) {
      const joins = (field.directives ?? []).filter((d) => d.name.value === 'join__field');
      const own = joins
        .filter((d) => {
          const external = argumentOf(d, 'external');
          return !(external?.kind === Kind.BOOLEAN && external.value);
        })
        .map(graphOf)
        .filter((g): g is string => g !== undefined);
      const graphs = joins.length > 0 ? own : typeGraphs;
      owners.set(`${definition.name.value}.${field.name.value}`, [...new Set(graphs)].sort());
    }
  }
  return owners;
}
