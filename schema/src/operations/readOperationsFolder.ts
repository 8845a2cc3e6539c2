import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

/** The front-ends' operations of a folder of `*.graphql` files (gateway/operations). */
export interface OperationsFolder {
  /** Every operation, with the file (name within the folder) it is written in, in file order. */
  operations: Array<{ file: string; node: OperationDefinitionNode }>;
  /** Fragments by name: an operation may use one written in any file of the folder. */
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** What is wrong in the folder, each prefixed by its file: a file that does not parse, a definition that is neither an operation nor a fragment, a fragment defined twice. */
  problems: string[];
}

/**
 * Reads `dir/*.graphql` as `npm run persisted:build` (gateway/src/trustedDocuments) and
 * `npm run schema:check` (schema/src/check) both need it: one reading, so the check validates
 * exactly what is persisted.
 */
export function readOperationsFolder(dir: string): OperationsFolder {
  const operations: OperationsFolder['operations'] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  const problems: string[] = [];
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort();
  for (const file of files) {
    let definitions: readonly DefinitionNode[];
    try {
      definitions = parse(readFileSync(path.join(dir, file), 'utf8')).definitions;
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
  return { operations, fragments, problems };
}

/** An operation as one document: it, then the fragments it spreads (transitively), in name order. Unknown fragments are left for validation to report. */
export function operationDocument(node: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): DocumentNode {
  const seen = new Set<string>();
  const collect = (from: DefinitionNode) =>
    visit(from, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment === undefined || seen.has(fragment.name.value)) return;
        seen.add(fragment.name.value);
        collect(fragment);
      },
    });
  collect(node);
  return { kind: Kind.DOCUMENT, definitions: [node, ...[...seen].sort().flatMap((name) => fragments.get(name) ?? [])] };
}
