import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  Kind,
  OperationTypeNode,
  parse,
  print,
  specifiedRules,
  validate,
  visit,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import { sha256Hex, type PersistedOperation, type PersistedOperationsManifest } from './persistedOperationsManifest';

export interface BuiltManifest {
  manifest: PersistedOperationsManifest;
  /** Why some operations could not be persisted; the manifest is not to be written when there are any. */
  problems: string[];
}

/** The fragments `node` spreads, and those they spread, in name order. */
function fragmentsUsedBy(node: DefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, seen = new Set<string>()): FragmentDefinitionNode[] {
  visit(node, {
    FragmentSpread(spread) {
      const fragment = fragments.get(spread.name.value);
      if (fragment === undefined || seen.has(fragment.name.value)) return;
      seen.add(fragment.name.value);
      fragmentsUsedBy(fragment, fragments, seen);
    },
  });
  return [...seen].sort().flatMap((name) => fragments.get(name) ?? []);
}

/**
 * Builds the manifest from every `*.graphql` file of `operationsDir`: one entry per named query
 * or mutation, with the fragments it uses (fragments may live in any file of the folder). Each
 * operation must be valid against `schema` and pass `rules` (the gateway's limits), so that
 * nothing is persisted that the gateway would refuse. Entries are sorted by name and bodies
 * printed canonically, so the output only changes when an operation does.
 */
export function buildPersistedOperationsManifest(operationsDir: string, schema: GraphQLSchema, rules: readonly ValidationRule[] = []): BuiltManifest {
  const problems: string[] = [];
  const operations: Array<{ file: string; node: OperationDefinitionNode }> = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  const files = readdirSync(operationsDir)
    .filter((file) => file.endsWith('.graphql'))
    .sort();
  for (const file of files) {
    let definitions: readonly DefinitionNode[];
    try {
      definitions = parse(readFileSync(path.join(operationsDir, file), 'utf8')).definitions;
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
      continue;
    }
    for (const definition of definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION) operations.push({ file, node: definition });
      else if (definition.kind !== Kind.FRAGMENT_DEFINITION) problems.push(`${file}: only operations and fragments belong here`);
      else if (fragments.has(definition.name.value)) problems.push(`${file}: fragment ${definition.name.value} is defined twice`);
      else fragments.set(definition.name.value, definition);
    }
  }

  const persisted = new Map<string, PersistedOperation>();
  for (const { file, node } of operations) {
    const name = node.name?.value;
    if (name === undefined) {
      problems.push(`${file}: every operation needs a name (clients find its id by name)`);
      continue;
    }
    if (persisted.has(name)) {
      problems.push(`${file}: operation ${name} is defined twice`);
      continue;
    }
    if (node.operation === OperationTypeNode.SUBSCRIPTION) {
      problems.push(`${file}: ${name}: the gateway serves no subscriptions`);
      continue;
    }
    const document = { kind: Kind.DOCUMENT, definitions: [node, ...fragmentsUsedBy(node, fragments)] } as const;
    const errors = validate(schema, document, [...specifiedRules, ...rules]);
    if (errors.length > 0) {
      problems.push(...errors.map((error) => `${file}: ${name}: ${error.message}`));
      continue;
    }
    const body = print(document);
    persisted.set(name, { id: sha256Hex(body), name, type: node.operation, body });
  }
  const sorted = [...persisted.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { manifest: { format: 'apollo-persisted-query-manifest', version: 1, operations: sorted }, problems };
}
