import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from '@passerelle/subgraph-kit/discovery';
import { scaffoldPartner } from '../scaffold/scaffoldPartner';
import { ScaffoldError } from '../scaffold/validateScaffold';

const usage = 'Usage: npm run subgraph:new -- <name> --partenaire "<label>" [--port <n>] [--root <dir>]';

/** `npm run subgraph:new`: a new partner's subgraph, simulator and API doc, composed. Exit 2 on bad usage or input. */
function parseArgs(args: string[]): { name: string; libelle: string; port?: number; root: string } {
  let name: string | undefined;
  let libelle: string | undefined;
  let port: number | undefined;
  let root = repositoryRoot;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const value = () => {
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) throw new ScaffoldError(`${arg} needs a value.`);
      i += 1;
      return next;
    };
    if (arg === '--partenaire') libelle = value();
    else if (arg === '--port') {
      const raw = value();
      if (!/^\d+$/.test(raw)) throw new ScaffoldError('--port must be an integer between 1024 and 65535.');
      port = Number(raw);
    } else if (arg === '--root') root = path.resolve(value());
    else if (arg.startsWith('--')) throw new ScaffoldError(`unknown option ${arg}.`);
    else if (name === undefined) name = arg;
    else throw new ScaffoldError(`one name only (got "${name}" and "${arg}").`);
  }
  if (name === undefined) throw new ScaffoldError("the subgraph's name is missing.");
  if (libelle === undefined) throw new ScaffoldError('--partenaire "<the partner\'s name for people>" is missing.');
  return { name, libelle, root, ...(port === undefined ? {} : { port }) };
}

try {
  const { root, ...request } = parseArgs(process.argv.slice(2));
  const { names, files } = scaffoldPartner(root, request);
  // In the house style (Prettier, .prettierrc.json), so that `npm run format:check` passes as it is;
  // the files Prettier ignores (generated schemas, the README's table) are left as written.
  const prettier = path.join(root, 'node_modules/.bin/prettier');
  if (existsSync(prettier)) execFileSync(prettier, ['--write', '--log-level', 'warn', '--ignore-unknown', ...files], { cwd: root, stdio: 'inherit' });
  process.stdout.write(
    `Created the ${names.code} subgraph (port ${names.port}), its simulator and its API doc, and composed:\n${files.map((f) => `  ${f}`).join('\n')}\n\n` +
      `Next: npm start serves Usager.${names.camel}; npm test runs its tests. Before committing, \`npm install\` records the new workspace in package-lock.json (docs/publish-your-subgraph.md).\n`,
  );
} catch (error) {
  if (!(error instanceof ScaffoldError)) throw error;
  process.stderr.write(`subgraph:new: ${error.message}\n${usage}\n`);
  process.exit(2);
}
