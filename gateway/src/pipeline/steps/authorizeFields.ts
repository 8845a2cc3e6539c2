import type { Caller, Finalite } from '@passerelle/subgraph-kit';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { AuthRequirement, Requirements } from '../../authorization/AuthRequirement';
import { authorizeOperation, type AuthorizedOperation } from '../../authorization/authorizeOperation';
import { requirementHolds } from '../../authorization/requirementHolds';
import type { RequestSecurity } from '../RequestSecurity';

/** Most rights profiles remembered per document: past it, that document's entries are dropped and rebuilt. */
const profilesPerDocument = 32;

/** The distinct requirements of a supergraph, computed once per requirements map. */
const distinctOf = new WeakMap<Requirements, AuthRequirement[]>();

/**
 * What field authorization decides about this caller, as a key: whether each distinct
 * requirement of the supergraph holds for them and their purpose, and whether anybody is
 * identified (the denials' code). `authorizeOperation`'s answer depends on nothing else of the
 * caller, so two callers with the same key get the same operation and denials.
 */
export function rightsProfile(requirements: Requirements, caller: Caller | null, finalite: Finalite | null): string {
  let distinct = distinctOf.get(requirements);
  if (distinct === undefined) {
    const byShape = new Map<string, AuthRequirement>();
    for (const requirement of requirements.values()) byShape.set(JSON.stringify(requirement), requirement);
    distinct = [...byShape.values()];
    distinctOf.set(requirements, distinct);
  }
  let key = caller === null ? 'anonyme:' : 'appelant:';
  for (const requirement of distinct) key += requirementHolds(requirement, caller, finalite) ? '1' : '0';
  return key;
}

/**
 * Authorized operations by schema, requirements and incoming document (the object Apollo Server
 * parsed once and keeps in its own bounded document cache, so entries go when it goes), then by
 * operation name and rights profile. Nothing of a caller but their rights profile is in it.
 */
const cache = new WeakMap<GraphQLSchema, WeakMap<Requirements, WeakMap<DocumentNode, Map<string, AuthorizedOperation>>>>();

function entriesOf(schema: GraphQLSchema, requirements: Requirements, document: DocumentNode): Map<string, AuthorizedOperation> {
  let bySchema = cache.get(schema);
  if (!bySchema) cache.set(schema, (bySchema = new WeakMap()));
  let byRequirements = bySchema.get(requirements);
  if (!byRequirements) bySchema.set(requirements, (byRequirements = new WeakMap()));
  let entries = byRequirements.get(document);
  if (!entries) byRequirements.set(document, (entries = new Map<string, AuthorizedOperation>()));
  return entries;
}

/**
 * Field authorization: the supergraph's @authenticated / @requiresScopes / @policy, evaluated for
 * this caller and purpose. Fields the caller may not read are removed before planning, so no
 * subgraph is asked for them; each becomes null with an error in the answer (filterAnswer).
 * The same document with the same rights profile gives the same (frozen) result, computed once:
 * later steps then meet the same document object and reuse their own per-document work.
 */
export function authorizeFields(input: { request: RequestSecurity; document: DocumentNode; operationName: string | null; schema: GraphQLSchema; requirements: Requirements }): AuthorizedOperation {
  const { request, ...rest } = input;
  const { caller, finalite } = request;
  const entries = entriesOf(rest.schema, rest.requirements, rest.document);
  const key = `${rest.operationName ?? ''}\u0000${rightsProfile(rest.requirements, caller, finalite)}`;
  const known = entries.get(key);
  if (known) return known;
  const authorized = authorizeOperation({ ...rest, caller, finalite });
  // Shared between requests of the same profile: nobody may change it in place.
  const frozen: AuthorizedOperation = {
    document: authorized.document,
    denials: Object.freeze(authorized.denials.map((d) => Object.freeze({ ...d, path: Object.freeze([...d.path]) as string[] }))) as AuthorizedOperation['denials'],
  };
  if (entries.size >= profilesPerDocument) entries.clear();
  entries.set(key, frozen);
  return frozen;
}
