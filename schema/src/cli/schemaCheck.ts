import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BaseRefError, formatSchemaCheckReport, parseBreakingChangesFile, readPersistedOperations, resolveBaseApiSchema, runSchemaCheck, type ApiSchemaSource } from '../check';
import { repositoryRoot } from '@passerelle/subgraph-kit/discovery';
import { apiSchemaPath, breakingChangesPath, operationsDir, persistedOperationsManifestPath } from '../paths';
import { readSdl, subgraphEntries } from '../subgraphEntries';

/**
 * `npm run schema:check [-- --base <git ref>]`: composes the subgraphs, diffs the API schema
 * against the base, checks breaking changes are acknowledged in schema/breaking-changes.json,
 * validates the persisted operations and lints the schemas (see schema/README.md).
 * Exit 0: passed; 1: the check failed; 2: bad usage or an unreadable input.
 */
const usage = 'usage: npm run schema:check [-- --base <git ref>]';

function parseArguments(argv: readonly string[]): { base?: string } {
  const options: { base?: string } = {};
  for (let i = 0; i < argv.length; i += 1) {
    const argument = argv[i]!;
    if (argument === '--base' && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) options.base = argv[(i += 1)];
    else if (argument.startsWith('--base=') && argument.length > '--base='.length) options.base = argument.slice('--base='.length);
    else throw new BaseRefError(argument === '--help' ? usage : `unknown or incomplete argument ${argument}\n${usage}`);
  }
  return options;
}

async function main(): Promise<number> {
  const shown = (file: string) => path.relative(repositoryRoot, file);
  let options: { base?: string };
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  try {
    const base = resolveBaseApiSchema(apiSchemaPath, options.base);
    const onDisk: ApiSchemaSource | undefined = base.fromDisk === true ? undefined : { sdl: readFileSync(apiSchemaPath, 'utf8'), label: `${shown(apiSchemaPath)} on disk` };
    const report = await runSchemaCheck({
      subgraphs: subgraphEntries().map((entry) => ({ name: entry.name, url: entry.url, sdl: readSdl(entry) })),
      base,
      ...(onDisk ? { onDisk } : {}),
      operations: readPersistedOperations(operationsDir, persistedOperationsManifestPath, repositoryRoot),
      acknowledgements: parseBreakingChangesFile(readFileSync(breakingChangesPath, 'utf8'), shown(breakingChangesPath)),
    });
    process.stdout.write(formatSchemaCheckReport(report, shown(breakingChangesPath)));
    return report.ok ? 0 : 1;
  } catch (error) {
    process.stderr.write(`schema:check cannot run: ${(error as Error).message}\n`);
    return 2;
  }
}

void main().then((code) => {
  process.exitCode = code;
});
