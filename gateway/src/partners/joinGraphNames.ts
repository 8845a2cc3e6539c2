import { Kind, type ConstDirectiveNode, type DocumentNode } from 'graphql';

/** The supergraph's `join__Graph` enum: enum value (`CAF`) → subgraph name (`caf`). */
export function joinGraphNames(document: DocumentNode): Map<string, string> {
  const names = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const graph = value.directives?.find((d) => d.name.value === 'join__graph');
      const name = graph?.arguments?.find((a) => a.name.value === 'name')?.value;
      if (name?.kind === Kind.STRING) names.set(value.name.value, name.value);
    }
  }
  return names;
}

/** The subgraph a `@join__field` / `@join__type` application names, if any. */
export function graphOfJoin(directive: ConstDirectiveNode, names: ReadonlyMap<string, string>): string | undefined {
  const graph = directive.arguments?.find((a) => a.name.value === 'graph')?.value;
  return graph?.kind === Kind.ENUM ? names.get(graph.value) : undefined;
}
