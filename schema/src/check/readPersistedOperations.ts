import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { print } from 'graphql';
import { operationDocument, readOperationsFolder } from '../operations/readOperationsFolder';
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
  const folder = readOperationsFolder(operationsDir);
  if (folder.problems.length > 0) throw new Error(folder.problems.map((problem) => `${shown(operationsDir)}/${problem}`).join('\n'));
  const fromFiles = folder.operations.map(({ file, node }): PersistedOperationDocument => ({
    name: node.name?.value ?? '(anonymous)',
    source: shown(path.join(operationsDir, file)),
    body: print(operationDocument(node, folder.fragments)),
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
