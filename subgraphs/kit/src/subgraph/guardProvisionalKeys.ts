import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import {
  defaultFieldResolver,
  Kind,
  type DocumentNode,
  type FieldDefinitionNode,
  type GraphQLFieldResolver,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
  type TypeNode,
} from 'graphql';
import { isProvisionalKey } from '../identity/provisionalKey';

/** The value of a field for a usager the partner cannot know yet: null, or an empty list where the field may not be null. */
function nothingYet(type: TypeNode): null | [] | undefined {
  if (type.kind !== Kind.NON_NULL_TYPE) return null;
  // A non-null scalar or object has no "nothing": such a field resolves as usual (see usagerFieldsOf).
  return type.type.kind === Kind.LIST_TYPE ? [] : undefined;
}

/** The fields this subgraph defines on `Usager` (its own, not those it only names as keys or @external). */
function usagerFieldsOf(typeDefs: DocumentNode): FieldDefinitionNode[] {
  return typeDefs.definitions
    .filter((d): d is ObjectTypeDefinitionNode | ObjectTypeExtensionNode => (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && d.name.value === 'Usager')
    .flatMap((d) => d.fields ?? [])
    .filter((f) => !f.directives?.some((directive) => directive.name.value === 'external'));
}

const keyFields = new Set(['id', 'nir']);

/** A field's resolver as a resolver map may give it: a function, or an object with `resolve`. */
function ownResolverOf<TContext>(entry: unknown): GraphQLFieldResolver<unknown, TContext> | undefined {
  if (typeof entry === 'function') return entry as GraphQLFieldResolver<unknown, TContext>;
  if (typeof entry === 'object' && entry !== null && typeof (entry as { resolve?: unknown }).resolve === 'function') return (entry as { resolve: GraphQLFieldResolver<unknown, TContext> }).resolve;
  return undefined;
}

/**
 * Keeps provisional keys away from a partner keyed on the NIR. A person welcomed at reception
 * without a NIR has a provisional key (`PRV…`) where a NIR would be; a partner that files people by
 * NIR cannot know them yet. So, for such a representation, the subgraph's own `__resolveReference`
 * is not called and each of its `Usager` fields answers "nothing yet" (null; an empty list when the
 * field may not be null) without calling its resolver, hence without any call to its legacy system
 * and without an error. Written once here so that every partner built with the kit gets it by
 * default; a subgraph that holds records under the agency's usager key opts out with
 * `acceptsProvisionalKeys` (defineSubgraph.ts).
 */
export function guardProvisionalKeys<TContext>(resolvers: GraphQLResolverMap<TContext>, typeDefs: DocumentNode): GraphQLResolverMap<TContext> {
  const fields = usagerFieldsOf(typeDefs).filter((f) => !keyFields.has(f.name.value));
  if (fields.length === 0) return resolvers;
  const original = (resolvers.Usager ?? {}) as Record<string, unknown>;
  const guarded: Record<string, unknown> = { ...original };
  const resolveReference = original.__resolveReference as ((ref: Record<string, unknown>, ctx: TContext, info: unknown) => unknown) | undefined;
  guarded.__resolveReference = (ref: Record<string, unknown>, ctx: TContext, info: unknown): unknown =>
    // The representation as sent (its key and any @requires fields): the fields below answer without reading it.
    isProvisionalKey(ref.nir) ? { ...ref } : resolveReference ? resolveReference(ref, ctx, info) : ref;
  for (const field of fields) {
    const empty = nothingYet(field.type);
    if (empty === undefined) continue;
    const name = field.name.value;
    const resolve = ownResolverOf(original[name]) ?? (defaultFieldResolver as GraphQLFieldResolver<unknown, TContext>);
    guarded[name] = ((parent, args, ctx, info) => (isProvisionalKey((parent as { nir?: unknown } | null)?.nir) ? empty : resolve(parent, args, ctx, info))) satisfies GraphQLFieldResolver<
      unknown,
      TContext
    >;
  }
  return { ...resolvers, Usager: guarded } as GraphQLResolverMap<TContext>;
}
