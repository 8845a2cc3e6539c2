import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { composeSupergraph } from './composeSupergraph';
import { compositionPathsOf } from './paths';
import { subgraphEntries } from './subgraphEntries';

export type CompositionOutcome = { ok: true; written: string[]; stale: string[]; hints: number } | { ok: false; errors: string[] };

/**
 * Composes the subgraphs of the repository at `root` and writes its schema/supergraph.graphql
 * and schema/api.graphql; with `check`, writes nothing and lists the files that differ.
 */
export function writeComposition(root: string, { check = false }: { check?: boolean } = {}): CompositionOutcome {
  const result = composeSupergraph(subgraphEntries(root));
  if (!result.ok) return { ok: false, errors: result.errors };
  const { supergraphPath, apiSchemaPath } = compositionPathsOf(root);
  const outputs: Array<[string, string]> = [
    [supergraphPath, result.supergraphSdl],
    [apiSchemaPath, result.apiSdl],
  ];
  const stale = outputs.filter(([file, content]) => !existsSync(file) || readFileSync(file, 'utf8') !== content).map(([file]) => file);
  if (check) return { ok: true, written: [], stale, hints: result.hints.length };
  for (const [file, content] of outputs) writeFileSync(file, content);
  return { ok: true, written: outputs.map(([file]) => file), stale, hints: result.hints.length };
}
