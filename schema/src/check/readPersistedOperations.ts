import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode } from 'graphql';
import { z } from 'zod';
import type { PersistedOperationDocument } from './validatePersistedOperations';

/** The part of Apollo's persisted query manifest the check reads (gateway/src/trustedDocuments checks the rest). */
const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(z.object({ name: z.string().min(1), body: z.string().min(1) })),
});

/**
 * Every operation of `operationsDir/*.graphql` (each with the fragments it uses, which may live in
 * any file of the folder, as `npm run persisted:build` assembles them) and every document of the
 * manifest. `displayRoot` only shortens the sources shown. Throws a clear error on a missing
 * folder, a file that does not parse or a malformed manifest.
 */
export function readPersistedOperations(operationsDir: string, manifestPath: string, displayRoot: string): PersistedOperationDocument[] {
  const shown = (file: string) => path.relative(displayRoot, file);
  if (!existsSync(operationsDir)) throw new Error(`The operations folder ${shown(operationsDir)} does not exist.`);
  const operations: Array<{ file: string; node: DefinitionNode & { kind: Kind.OPERATION_DEFINITION } }> = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const file of readdirSync(operationsDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()) {
    const full = path.join(operationsDir, file);
    let definitions: readonly DefinitionNode[];
    try {
      definitions = parse(readFileSync(full, 'utf8')).definitions;
    } catch (error) {
      throw new Error(`${shown(full)} does not parse: ${(error as Error).message}`);
    }
    for (const definition of definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION) operations.push({ file: full, node: definition });
      else if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
  }
  const fromFiles = operations.map(({ file, node }): PersistedOperationDocument => ({
    name: node.name?.value ?? '(anonymous)',
    source: shown(file),
    body: print({ kind: Kind.DOCUMENT, definitions: [node, ...fragmentsUsedBy(node, fragments)] }),
  }));

  if (!existsSync(manifestPath)) throw new Error(`The persisted operations manifest ${shown(manifestPath)} does not exist.`);
  let manifest: z.infer<typeof manifestSchema>;
  try {
    manifest = manifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
  } catch (error) {
    throw new Error(`The persisted operations manifest ${shown(manifestPath)} is invalid: ${(error as Error).message}`);
  }
  const fromManifest = manifest.operations.map((op): PersistedOperationDocument => ({ name: op.name, source: shown(manifestPath), body: op.body }));
  return [...fromFiles, ...fromManifest];
}

/** The fragments `node` spreads, transitively, in name order (unknown ones are left for validation to report). */
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
