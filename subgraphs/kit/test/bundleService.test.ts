import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

  it('loads the copy of a package a workspace holds in its own node_modules, not the one hoisted to the root, wherever the tree is copied', async () => {
    // As the kit's OpenTelemetry SDK 2.x beside the 1.x @apollo/gateway hoists: the bundle, in
    // service/dist/, resolving `fixture-dep` from there, would find the root's copy.
    write({
      'node_modules/fixture-dep/package.json': JSON.stringify({ name: 'fixture-dep', version: '1.0.0', main: 'index.js' }),
      'node_modules/fixture-dep/index.js': "exports.version = '1.x, hoisted';\n",
      'kit/package.json': JSON.stringify({ name: '@passerelle/fixture-kit', main: 'index.ts' }),
      'kit/index.ts': "import { version } from 'fixture-dep';\nexport const kitDep: string = version;\n",
      'kit/node_modules/fixture-dep/package.json': JSON.stringify({ name: 'fixture-dep', version: '2.0.0', main: 'index.js' }),
      'kit/node_modules/fixture-dep/index.js': "exports.version = '2.x, the kit’s own';\n",
      'service/src/main.ts':
        "import { kitDep } from '@passerelle/fixture-kit';\nimport { version } from 'fixture-dep';\nimport { join } from 'node:path';\nprocess.stdout.write(JSON.stringify({ kit: kitDep, service: version, join: typeof join }));\n",
    });
    // The workspace link npm makes.
    mkdirSync(path.join(workspace, 'node_modules/@passerelle'), { recursive: true });
    symlinkSync('../../kit', path.join(workspace, 'node_modules/@passerelle/fixture-kit'));
    const outfile = path.join(workspace, 'service/dist/main.js');
    await bundleService({ name: 'fixture', entry: path.join(workspace, 'service/src/main.ts'), outfile });
    const expected = { kit: '2.x, the kit’s own', service: '1.x, hoisted', join: 'function' };
    expect(JSON.parse(execFileSync(process.execPath, [outfile], { cwd: os.tmpdir(), encoding: 'utf8' }))).toEqual(expected);
    const code = readFileSync(outfile, 'utf8');
    expect(code).toMatch(/require\(["']\.\.\/\.\.\/kit\/node_modules\/fixture-dep\/index\.js["']\)/);
    expect(code).toMatch(/require\(["']fixture-dep["']\)/);
    expect(code).toMatch(/require\(["']node:path["']\)/);

    // The tree copied elsewhere (an image's /app): the path is relative, so it still holds.
    const copy = mkdtempSync(path.join(os.tmpdir(), 'passerelle-bundle-copy-'));
    try {
      cpSync(workspace, copy, { recursive: true, verbatimSymlinks: true });
      rmSync(workspace, { recursive: true, force: true });
      expect(JSON.parse(execFileSync(process.execPath, [path.join(copy, 'service/dist/main.js')], { cwd: os.tmpdir(), encoding: 'utf8' }))).toEqual(expected);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
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
