import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { composeSupergraph } from '../composeSupergraph';
import { apiSchemaPath, supergraphPath } from '../paths';

/**
 * `npm run compose`: writes schema/supergraph.graphql and schema/api.graphql.
 * `npm run compose:check`: exits 1 when the committed files differ from a fresh composition.
 */
const check = process.argv.includes('--check');
const result = composeSupergraph();
if (!result.ok) {
  process.stderr.write(`Composition failed:\n${result.errors.map((e) => `  - ${e}`).join('\n')}\n`);
  process.exit(1);
}
const outputs: Array<[string, string]> = [
  [supergraphPath, result.supergraphSdl],
  [apiSchemaPath, result.apiSdl],
];
if (check) {
  const stale = outputs.filter(([file, content]) => !existsSync(file) || readFileSync(file, 'utf8') !== content).map(([file]) => file);
  if (stale.length > 0) {
    process.stderr.write(`Stale composition (run \`npm run compose\` and commit):\n${stale.map((f) => `  - ${f}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write('Composition is up to date.\n');
} else {
  for (const [file, content] of outputs) writeFileSync(file, content);
  process.stdout.write(`Composed ${result.hints.length} hint(s); wrote ${outputs.map(([f]) => f).join(' and ')}.\n`);
}
