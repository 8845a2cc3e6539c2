import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleService, bundleTargets, loaderArgsFor, selectBundleTargets } from '../src/build';
import { discoverSubgraphs } from '../src/discovery';

let workspace: string;

beforeEach(() => {
  workspace = mkdtempSync(path.join(os.tmpdir(), 'passerelle-bundle-'));
});

afterEach(() => rmSync(workspace, { recursive: true, force: true }));

/** Writes `files` (path relative to the workspace → content). */
function write(files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    writeFileSync(path.join(workspace, file), content);
  }
}

describe('bundleService', () => {
  it('keeps __dirname and __filename naming each source file, wherever the process runs from', async () => {
    write({
      'service/schema.graphql': 'type Query { ok: Boolean }',
      'service/src/lib/where.ts': "import path from 'node:path';\nexport const libDir = __dirname;\nexport const schemaPath = path.resolve(__dirname, '../../schema.graphql');\n",
      'service/src/main.ts':
        "import { readFileSync } from 'node:fs';\nimport { libDir, schemaPath } from './lib/where';\nconst mainFile: string = __filename;\nprocess.stdout.write(JSON.stringify({ libDir, mainFile, schema: readFileSync(schemaPath, 'utf8') }));\n",
    });
    // Into directories that do not exist yet, as on a clean clone (the bench's launchers go to test/dist/bench/).
    const outfile = path.join(workspace, 'service/dist/bench/main.js');
    const bundled = await bundleService({ name: 'fixture', entry: path.join(workspace, 'service/src/main.ts'), outfile });
    expect(bundled).toEqual({ name: 'fixture', outfile, bytes: readFileSync(outfile).byteLength });

    // Run from another directory, with plain node: no TypeScript loader.
    const printed = JSON.parse(execFileSync(process.execPath, [outfile], { cwd: os.tmpdir(), encoding: 'utf8' })) as Record<string, string>;
    expect(printed).toEqual({ libDir: path.join(workspace, 'service/src/lib'), mainFile: path.join(workspace, 'service/src/main.ts'), schema: 'type Query { ok: Boolean }' });
    // Paths are written relative to the bundle's package: nothing of the build machine's layout is baked in.
    expect(readFileSync(outfile, 'utf8')).not.toContain(workspace.slice(1));
    expect(readFileSync(`${outfile}.map`, 'utf8')).toContain('"sources"');
  });

  it('bundles the workspaces (@passerelle/*) and leaves every other package to node_modules', async () => {
    write({
      'node_modules/@passerelle/fixture-kit/package.json': JSON.stringify({ name: '@passerelle/fixture-kit', main: 'index.ts' }),
      'node_modules/@passerelle/fixture-kit/index.ts': "export const kitName: string = 'the kit, bundled';\n",
      'service/src/main.ts': "import { kitName } from '@passerelle/fixture-kit';\nimport { parse } from 'graphql';\nexport const both = [kitName, parse];\n",
    });
    const outfile = path.join(workspace, 'service/dist/main.js');
    await bundleService({ name: 'fixture', entry: path.join(workspace, 'service/src/main.ts'), outfile });
    const code = readFileSync(outfile, 'utf8');
    expect(code).toContain('the kit, bundled');
    expect(code).not.toMatch(/require\(["']@passerelle\//);
    expect(code).toMatch(/require\(["']graphql["']\)/);
  });

  it('rejects a file that does not compile with an error naming the service, the file and the line, and writes nothing', async () => {
    write({ 'service/src/main.ts': 'export const broken = ;\n' });
    const outfile = path.join(workspace, 'service/dist/main.js');
    await expect(bundleService({ name: 'fixture', entry: path.join(workspace, 'service/src/main.ts'), outfile })).rejects.toThrow(/^fixture could not be bundled: [\s\S]*main\.ts:1/);
    expect(() => readFileSync(outfile)).toThrow(/ENOENT/);
  });
});

describe('bundleTargets', () => {
  it('lists the gateway and every subgraph of the repository, each bundled into its own dist/main.js', () => {
    const targets = bundleTargets();
    expect(targets.map((t) => t.name)).toEqual(['gateway', ...discoverSubgraphs().map((s) => s.name)]);
    for (const target of targets) {
      expect(path.basename(path.dirname(target.entry))).toBe('src');
      expect(target.outfile).toBe(path.join(path.dirname(path.dirname(target.entry)), 'dist/main.js'));
    }
  });

  it('selects the services named, all when none is, and names the unknown ones with the known', () => {
    const targets = bundleTargets();
    expect(selectBundleTargets(targets, []).map((t) => t.name)).toEqual(targets.map((t) => t.name));
    expect(selectBundleTargets(targets, ['caf', 'gateway']).map((t) => t.name)).toEqual(['gateway', 'caf']);
    // By folder too, as the subgraph image's build argument gives it.
    expect(selectBundleTargets(targets, ['subgraphs/france-travail/']).map((t) => t.name)).toEqual(['france-travail']);
    expect(() => selectBundleTargets(targets, ['caf', 'cnaf'])).toThrow(/^Unknown service "cnaf"; known: gateway, .*caf/);
  });
});

describe('loaderArgsFor', () => {
  it('runs TypeScript through tsx and a bundle on plain node', () => {
    expect(loaderArgsFor(['gateway/src/main.ts'])).toEqual(['--import', 'tsx']);
    expect(loaderArgsFor(['dev/src/cli/profileGateway.ts', '--backend'])).toEqual(['--import', 'tsx']);
    expect(loaderArgsFor(['gateway/dist/main.js'])).toEqual([]);
  });
});
