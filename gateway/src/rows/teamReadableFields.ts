import { Kind, parse, type DocumentNode } from 'graphql';
import { graphOfJoin, joinGraphNames } from '../partners/joinGraphNames';
import type { PartnerRegistry } from '../partners/PartnerRegistry';

/**
 * The `Usager` fields a member of the usager's support team reads (docs/security.md, "The
 * support team"): the shared file's own fields — those resolved by the subgraph that answers the
 * access facts (`factsSubgraph`: the Département's) — and the agency's own records (fields of
 * subgraphs speaking for no partner, or for one a usager cannot object to: identity, reception,
 * journal). Not partners' data, and not what is computed from it (a field with `@requires`, such
 * as the summary or the partners' presence): that is for the active référent. Read from the
 * supergraph, like the partner registry: nothing here names a field or a partner.
 */
export function teamReadableFields(supergraph: string | DocumentNode, registry: PartnerRegistry, factsSubgraph: string | null): ReadonlySet<string> {
  const document = typeof supergraph === 'string' ? parse(supergraph) : supergraph;
  const graphs = joinGraphNames(document);
  const readable = new Set<string>();
  if (factsSubgraph === null) return readable;
  const agencyOwn = (subgraph: string) => {
    if (subgraph === factsSubgraph) return true;
    const partner = registry.partnerOfSubgraph(subgraph);
    return partner === null || !partner.opposable;
  };
  for (const definition of document.definitions) {
    if ((definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) || definition.name.value !== 'Usager') continue;
    for (const field of definition.fields ?? []) {
      const joins = (field.directives ?? []).filter((d) => d.name.value === 'join__field');
      const resolving = joins.filter((d) => !d.arguments?.some((a) => a.name.value === 'external' && a.value.kind === Kind.BOOLEAN && a.value.value));
      // A field no @join__field names is a key every subgraph resolves (`id`): readable.
      if (joins.length === 0) {
        readable.add(field.name.value);
        continue;
      }
      const derived = resolving.some((d) => d.arguments?.some((a) => a.name.value === 'requires'));
      const owners = resolving.map((d) => graphOfJoin(d, graphs)).filter((g): g is string => g !== undefined);
      if (!derived && owners.length > 0 && owners.every(agencyOwn)) readable.add(field.name.value);
    }
  }
  return readable;
}
