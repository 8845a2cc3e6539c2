import { Kind, valueFromASTUntyped, type DirectiveNode, type DocumentNode } from 'graphql';

/** The `@link` applications on the document's `schema` definitions and extensions. */
export function linksOf(document: DocumentNode): DirectiveNode[] {
  return document.definitions.flatMap((definition) =>
    definition.kind === Kind.SCHEMA_DEFINITION || definition.kind === Kind.SCHEMA_EXTENSION ? (definition.directives ?? []).filter((d) => d.name.value === 'link') : [],
  );
}

/** The arguments of a directive application as plain values (strings, booleans, lists, objects). */
export function argumentsOf(directive: DirectiveNode): Record<string, unknown> {
  return Object.fromEntries((directive.arguments ?? []).map((argument) => [argument.name.value, valueFromASTUntyped(argument.value)]));
}

/**
 * The name under which the document uses `element` of the spec linked from a URL starting with
 * `urlPrefix` (the link spec's rules: imported as is or under `as`, else `<spec>__<element>`, the
 * spec's own directive being `@<spec>`). Undefined when no such spec is linked.
 */
export function linkedDirectiveName(document: DocumentNode, urlPrefix: string, element: string): string | undefined {
  for (const link of linksOf(document)) {
    const { url, as, import: imports } = argumentsOf(link);
    if (typeof url !== 'string' || !url.startsWith(urlPrefix)) continue;
    for (const entry of Array.isArray(imports) ? imports : []) {
      if (entry === `@${element}`) return element;
      if (typeof entry === 'object' && entry !== null && (entry as { name?: unknown }).name === `@${element}`) {
        const alias = (entry as { as?: unknown }).as;
        return typeof alias === 'string' ? alias.replace(/^@/, '') : element;
      }
    }
    const specName = typeof as === 'string' ? as : (/\/([^/]+)\/v[\d.]+$/.exec(url)?.[1] ?? '');
    return element === specName ? specName : `${specName}__${element}`;
  }
  return undefined;
}
