import { Kind, print, type ConstDirectiveNode, type ConstValueNode, type DocumentNode } from 'graphql';

/** One `@link` of a supergraph's schema definition, as the link spec v1.0 reads it. */
export interface LinkedFeature {
  /** The whole URL, e.g. `https://specs.apollo.dev/requiresScopes/v0.1`. */
  url: string;
  /** The URL without its version: what identifies the feature. */
  identity: string;
  /** The feature's name: the URL's last path segment before the version (`requiresScopes`). */
  name: string;
  /** The version segment, e.g. `v0.1`; null when the URL has none. */
  version: string | null;
  /** The `for:` argument (SECURITY, EXECUTION), null without one. */
  purpose: string | null;
  /** Prefix of the feature's elements in this schema: `as:` or the feature's name. */
  prefix: string;
  /** Imported elements: their name in the spec (`@requiresScopes`, `Scope`) → their name in this schema. */
  imports: Map<string, string>;
  /** The `@link` application itself, to remove it. */
  node: ConstDirectiveNode;
}

const linkSpecIdentity = 'https://specs.apollo.dev/link';

function stringArgument(directive: ConstDirectiveNode, name: string): string | null {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  if (value === undefined || value.kind === Kind.NULL) return null;
  if (value.kind === Kind.STRING || value.kind === Kind.ENUM) return value.value;
  throw new Error(`Unsupported supergraph: @${directive.name.value}(${name}:) is not a string in ${print(directive)}.`);
}

function importsOf(directive: ConstDirectiveNode): Map<string, string> {
  const imports = new Map<string, string>();
  const value = directive.arguments?.find((a) => a.name.value === 'import')?.value;
  if (value === undefined || value.kind === Kind.NULL) return imports;
  const items: readonly ConstValueNode[] = value.kind === Kind.LIST ? value.values : [value];
  for (const item of items) {
    if (item.kind === Kind.STRING) {
      imports.set(item.value, item.value);
    } else if (item.kind === Kind.OBJECT) {
      const field = (name: string) => item.fields.find((f) => f.name.value === name)?.value;
      const name = field('name');
      const as = field('as');
      if (name?.kind !== Kind.STRING) throw new Error(`Unsupported supergraph: an import of ${print(directive)} has no name.`);
      imports.set(name.value, as?.kind === Kind.STRING ? as.value : name.value);
    } else {
      throw new Error(`Unsupported supergraph: cannot read the imports of ${print(directive)}.`);
    }
  }
  return imports;
}

function parseUrl(url: string): { identity: string; name: string; version: string | null } {
  const withoutQuery = url.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const segments = withoutQuery.split('/');
  const last = segments.at(-1) ?? '';
  const version = /^v\d+\.\d+$/.test(last) ? last : null;
  const identity = version === null ? withoutQuery : segments.slice(0, -1).join('/');
  return { identity, name: identity.split('/').at(-1) ?? '', version };
}

/**
 * Every feature the supergraph links, read from its schema definition and extensions. The
 * `@link` directive is found by its own bootstrap link (`link/v1.0`, possibly renamed with
 * `as:`); a supergraph without one (a Federation 1 `@core` supergraph) is refused.
 */
export function readLinkedFeatures(document: DocumentNode): LinkedFeature[] {
  const applications = document.definitions.flatMap((d) => (d.kind === Kind.SCHEMA_DEFINITION || d.kind === Kind.SCHEMA_EXTENSION ? (d.directives ?? []) : []));
  const bootstrap = applications.find((d) => {
    const url = d.arguments?.find((a) => a.name.value === 'url')?.value;
    return url?.kind === Kind.STRING && parseUrl(url.value).identity === linkSpecIdentity;
  });
  if (bootstrap === undefined) {
    throw new Error(`Unsupported supergraph: its schema has no @link(url: "${linkSpecIdentity}/v1.0"), so its security features cannot be read.`);
  }
  const linkName = bootstrap.name.value;
  return applications
    .filter((d) => d.name.value === linkName)
    .map((node) => {
      const url = stringArgument(node, 'url');
      if (url === null) throw new Error(`Unsupported supergraph: ${print(node)} has no url.`);
      const parsed = parseUrl(url);
      return { url, ...parsed, purpose: stringArgument(node, 'for'), prefix: stringArgument(node, 'as') ?? parsed.name, imports: importsOf(node), node };
    });
}
