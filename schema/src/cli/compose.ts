import path from 'node:path';
import { repositoryRoot } from '@passerelle/subgraph-kit/discovery';
import { writeComposition } from '../writeComposition';

/**
 * `npm run compose`: writes schema/supergraph.graphql, schema/api.graphql and schema/api-analystes.graphql.
 * `npm run compose:check`: exits 1 when the committed files differ from a fresh composition.
 * `--root <dir>`: another checkout (default: this repository).
 */
const args = process.argv.slice(2);
const check = args.includes('--check');
const rootIndex = args.indexOf('--root');
const root = rootIndex >= 0 && args[rootIndex + 1] ? path.resolve(args[rootIndex + 1]!) : repositoryRoot;
const outcome = writeComposition(root, { check });
if (!outcome.ok) {
  process.stderr.write(`Composition failed:\n${outcome.errors.map((e) => `  - ${e}`).join('\n')}\n`);
  process.exit(1);
}
if (check) {
  if (outcome.stale.length > 0) {
    process.stderr.write(`Stale composition (run \`npm run compose\` and commit):\n${outcome.stale.map((f) => `  - ${f}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write('Composition is up to date.\n');
} else {
  process.stdout.write(`Composed ${outcome.hints} hint(s); wrote ${outcome.written.join(', ')}.\n`);
}
