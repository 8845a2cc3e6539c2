import type { CompositionProblem } from './composeSubgraphSdls';

/** A composition error put in plain words: where, what is wrong, what to do. */
export interface ExplainedCompositionError {
  code: string;
  /** The subgraphs the error names (known subgraph names only). */
  subgraphs: string[];
  /** The schema coordinates it names: `Type.field`, or `Type` when no field is named. */
  coordinates: string[];
  /** What is wrong and what to do; null for a code this module does not know. */
  explanation: string | null;
  /** Composition's own message, always kept: it carries the detail (types, selections, query). */
  message: string;
}

/** What each common code means for a subgraph author, and what to do about it. */
const explanations: Readonly<Record<string, string>> = {
  FIELD_TYPE_MISMATCH:
    'the field has incompatible types in these subgraphs. Give it the same type in every subgraph that declares it (only nullability may differ, and a field a subgraph needs non-null must be non-null wherever it is resolved).',
  INVALID_FIELD_SHARING:
    'several subgraphs resolve the field but not all of them mark it @shareable. Keep it in one subgraph and declare it @external (with @requires or @key) in the others, or, if each really resolves it identically, mark it @shareable in every one of them.',
  EXTERNAL_MISSING_ON_BASE:
    'the field is @external in every subgraph that declares it, so no subgraph resolves it. Define it without @external in the subgraph that owns the data, or remove it from the subgraphs that only borrow it.',
  EXTERNAL_TYPE_MISMATCH: "an @external field does not have the type its owning subgraph gives it. Copy the owner's type exactly into the @external declaration.",
  EXTERNAL_UNUSED: 'a field is marked @external but no @key, @requires or @provides uses it. Remove it from this subgraph, or use it in the directive that needed it.',
  KEY_FIELDS_SELECT_INVALID_TYPE:
    '@key selects a field whose type cannot be part of an entity key (an interface, a union or a field with arguments). Key the entity on scalar fields or on objects of scalar fields, as `Usager @key(fields: "nir")` does.',
  KEY_INVALID_FIELDS:
    '@key(fields: …) is not a valid selection on the type in this subgraph (an unknown field, or an object field without its sub-fields). Declare every key field in this subgraph and select leaf fields.',
  REQUIRES_INVALID_FIELDS:
    '@requires(fields: …) selects fields this subgraph does not declare. Declare each required field in this subgraph with @external, with the type its owning subgraph gives it.',
  PROVIDES_INVALID_FIELDS: '@provides(fields: …) selects fields this subgraph does not declare. Declare each provided field in this subgraph with @external.',
  SATISFIABILITY_ERROR:
    'the gateway could not plan a query the API allows: it cannot reach some field from where the query starts (usually the type has no @key in the subgraph holding the field, or a @key the other subgraphs cannot provide). Give the type a @key that both subgraphs can resolve (for `Usager`: `nir`), or move the field.',
  DIRECTIVE_DEFINITION_INVALID:
    'a directive is defined differently from what composition expects (usually a federation directive, or a spec directive such as @partenaire, redefined by hand with other arguments or locations). Import federation directives through @link instead of defining them, and copy spec directives exactly.',
  INVALID_GRAPHQL: "the SDL is not valid GraphQL (a syntax error, an unknown type, a duplicate definition). Fix the subgraph's schema.graphql at the place the message names.",
  EXTENSION_WITH_NO_BASE: 'a type is only ever extended (`extend type X`): no subgraph defines it. Define it (`type X`) in the subgraph that owns it.',
  TYPE_KIND_MISMATCH: 'the same name is a different kind of type in these subgraphs (an object here, an interface or input there). Use one kind everywhere, or rename one of them.',
  ENUM_VALUE_MISMATCH: 'an enum used both as input and output has different values in these subgraphs. Give it the same values everywhere.',
  MISSING_TRANSITIVE_AUTH_REQUIREMENTS:
    'a field computed with @requires is less protected than a field it requires. Give it at least the requirements of every required field (schema/AUTHORIZATION.md, "Presence is its own level").',
  INVALID_LINK_DIRECTIVE_USAGE: 'an @link is malformed (an unknown URL, a bad import). Copy the @link lines of an existing subgraph.',
  DIRECTIVE_COMPOSITION_ERROR:
    'a directive named in @composeDirective cannot be composed (not imported through @link, or defined differently in another subgraph). Import it with @link from the same spec URL and version in every subgraph.',
  INTERFACE_FIELD_NO_IMPLEM: 'a subgraph defines an interface field that some of its implementations do not resolve. Add the field to every implementation in that subgraph.',
  ROOT_QUERY_USED: 'a type named `Query` is not the query root of this subgraph. Rename it or make it the root.',
};

/** Puts one composition error in plain words. `subgraphNames` are the names composed, to find them in the message. */
export function explainCompositionError(problem: CompositionProblem, subgraphNames: readonly string[]): ExplainedCompositionError {
  const known = new Set(subgraphNames);
  const subgraphs = new Set<string>();
  if (problem.subgraph !== undefined) subgraphs.add(problem.subgraph);
  // Subgraph validation errors start with "[name] "; merge errors quote the names after "subgraph(s)".
  const prefix = /^\[([^\]]+)\]/.exec(problem.message);
  if (prefix && known.has(prefix[1]!)) subgraphs.add(prefix[1]!);
  for (const match of problem.message.matchAll(/subgraphs? ((?:"[^"]+"(?:, | and )?)+)/g)) {
    for (const name of match[1]!.matchAll(/"([^"]+)"/g)) if (known.has(name[1]!)) subgraphs.add(name[1]!);
  }
  return {
    code: problem.code,
    subgraphs: [...subgraphs].sort(),
    coordinates: coordinatesIn(problem.message, known),
    explanation: explanations[problem.code] ?? null,
    message: problem.message,
  };
}

/** Field coordinates quoted in the message ("T.f"); failing those, the type named by `type "T"`. */
function coordinatesIn(message: string, subgraphNames: ReadonlySet<string>): string[] {
  const quoted = [...message.matchAll(/"([^"\s]+)"/g)].map((m) => m[1]!).filter((q) => !subgraphNames.has(q));
  const fields = quoted.filter((q) => /^[A-Za-z_]\w*\.[A-Za-z_]\w*$/.test(q));
  if (fields.length > 0) return [...new Set(fields)];
  const types = [...message.matchAll(/[Tt]ype "([A-Za-z_]\w*)"/g)].map((m) => m[1]!);
  return [...new Set(types)];
}
