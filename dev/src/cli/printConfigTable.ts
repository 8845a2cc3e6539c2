import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from '@passerelle/subgraph-kit/discovery';
import { configTable, configTables, withTable } from '../configTable';
import { subgraphReadme } from '../subgraphReadme';

/**
 * `npm run config:table`: prints the configuration table of docs/configuration.md.
 * `npm run config:table -- --write`: rewrites the tables of docs/configuration.md and of every
 * subgraph's README.md (creating the latter when missing).
 */
if (!process.argv.includes('--write')) {
  process.stdout.write(`${configTable()}\n`);
} else {
  for (const { file, table } of configTables()) {
    const relative = path.relative(repositoryRoot, file);
    if (!existsSync(file)) {
      const packageJson = JSON.parse(readFileSync(path.join(path.dirname(file), 'package.json'), 'utf8')) as { name: string; description?: string; passerelle: { subgraph: string } };
      writeFileSync(file, subgraphReadme({ packageName: packageJson.name, description: packageJson.description ?? '', name: packageJson.passerelle.subgraph, table }));
      process.stdout.write(`created ${relative}\n`);
      continue;
    }
    const updated = withTable(readFileSync(file, 'utf8'), table);
    if (updated === null) {
      process.stderr.write(`${relative} has no config-table markers\n`);
      process.exit(1);
    }
    writeFileSync(file, updated);
    process.stdout.write(`wrote ${relative}\n`);
  }
}
