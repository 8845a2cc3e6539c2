import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validate, ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';
import { repositoryRoot } from '../src/docs/documentedOperations';
import { gatewayNodeFlags } from '@passerelle/gateway';

// No Docker engine runs in CI: the images' Dockerfiles are linted (dockerfile-utils, the VS Code
// Dockerfile linter, every check an error) and held to the project's rules instead
// (docs/operations.md, "Containers").

const strict: ValidatorSettings = {
  deprecatedMaintainer: ValidationSeverity.ERROR,
  directiveCasing: ValidationSeverity.ERROR,
  emptyContinuationLine: ValidationSeverity.ERROR,
  instructionCasing: ValidationSeverity.ERROR,
  instructionCmdMultiple: ValidationSeverity.ERROR,
  instructionEntrypointMultiple: ValidationSeverity.ERROR,
  instructionHealthcheckMultiple: ValidationSeverity.ERROR,
  instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
  instructionWorkdirRelative: ValidationSeverity.ERROR,
};

interface Instruction {
  keyword: string;
  args: string;
}

/** The instructions of a Dockerfile, continuation lines joined, comments dropped. */
function instructionsOf(text: string): Instruction[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

/** Splits the instructions into stages, each named by its `AS`. */
function stagesOf(instructions: Instruction[]): Array<{ name: string; image: string; instructions: Instruction[] }> {
  const stages: Array<{ name: string; image: string; instructions: Instruction[] }> = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [image = '', , name = ''] = instruction.args.split(/\s+/);
      stages.push({ name, image, instructions: [] });
    } else stages.at(-1)?.instructions.push(instruction);
  }
  return stages;
}

const secretLike = /KEY|SECRET|PASSWORD|PASSWD|TOKEN|CREDENTIAL|DATABASE_URL/i;

/** The workspaces a package needs at run time: its `@passerelle/*` production dependencies, transitively. */
function runtimeWorkspaces(dir: string): string[] {
  const byName = new Map<string, string>([
    ['@passerelle/subgraph-kit', 'subgraphs/kit'],
    ['@passerelle/schema', 'schema'],
    ['@passerelle/mocks', 'mocks'],
    ['@passerelle/gateway', 'gateway'],
  ]);
  const seen = new Set<string>([dir]);
  const queue = [dir];
  while (queue.length > 0) {
    const current = queue.shift()!;
    const pkg = JSON.parse(readFileSync(path.join(repositoryRoot, current, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const name of Object.keys(pkg.dependencies ?? {}).filter((name) => name.startsWith('@passerelle/'))) {
      const workspace = byName.get(name);
      if (workspace === undefined) throw new Error(`${current} depends on ${name}, which this check does not know`);
      if (seen.has(workspace)) continue;
      seen.add(workspace);
      queue.push(workspace);
    }
  }
  return [...seen].sort();
}

const images = [
  { file: 'deploy/docker/gateway.Dockerfile', workspace: 'gateway', args: { SUBGRAPH: '' } },
  { file: 'deploy/docker/subgraph.Dockerfile', workspace: 'subgraphs/caf', args: { SUBGRAPH: 'caf' } },
];

describe.each(images)('$file', ({ file, workspace, args }) => {
  const text = readFileSync(path.join(repositoryRoot, file), 'utf8');
  const stages = stagesOf(instructionsOf(text));
  const final = stages.at(-1)!;
  const expand = (value: string) => value.replace(/\$\{(\w+)\}/g, (_m, name: string) => args[name as keyof typeof args] ?? `\${${name}}`);

  it('has no problem for the Dockerfile linter (dockerfile-utils), warnings counted as errors', () => {
    expect(validate(text, strict).map((d) => [d.range.start.line + 1, typeof d.message === 'string' ? d.message : d.message.value])).toEqual([]);
  });

  it('is multi-stage, every stage on the same exact node:20 bookworm-slim release', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.image).toMatch(/^node:20\.\d+\.\d+-bookworm-slim$/);
    expect(new Set(stages.map((stage) => stage.image)).size).toBe(1);
  });

  it('runs its final stage as a numeric non-root user, with a HEALTHCHECK, an EXPOSE and an exec-form CMD', () => {
    const keyword = (name: string) => final.instructions.filter((i) => i.keyword === name);
    const users = keyword('USER');
    expect(users).toHaveLength(1);
    expect(users[0]!.args).toMatch(/^[1-9]\d*(:[1-9]\d*)?$/);
    // Nothing after USER runs as root again.
    expect(final.instructions.slice(final.instructions.indexOf(users[0]!)).filter((i) => i.keyword === 'RUN')).toEqual([]);
    expect(keyword('HEALTHCHECK')).toHaveLength(1);
    expect(keyword('HEALTHCHECK')[0]!.args).toMatch(/CMD \["node", /);
    expect(keyword('EXPOSE')).toHaveLength(1);
    expect(keyword('CMD')).toHaveLength(1);
    expect(() => JSON.parse(keyword('CMD')[0]!.args) as unknown).not.toThrow();
  });

  it('fetches nothing by URL with ADD, and bakes no secret into ENV or ARG', () => {
    expect(stages.flatMap((s) => s.instructions).filter((i) => i.keyword === 'ADD')).toEqual([]);
    const names = stages
      .flatMap((s) => s.instructions)
      .filter((i) => i.keyword === 'ENV' || i.keyword === 'ARG')
      .flatMap((i) => [...i.args.matchAll(/(?:^|\s)([A-Z_][A-Z0-9_]*)(?==|\s|$)/g)].map((m) => m[1]!));
    expect(names.filter((name) => secretLike.test(name))).toEqual([]);
  });

  it('installs production dependencies only, and the final stage takes node_modules from that install, never from the build context', () => {
    const installs = stages.flatMap((s) => s.instructions).filter((i) => i.keyword === 'RUN' && /\bnpm (ci|install)\b/.test(i.args));
    for (const install of installs) {
      // The one global install is npm itself (the repository's packageManager version).
      const commands = install.args.split('&&').filter((c) => /\bnpm (ci|install)\b/.test(c) && !/npm install --global npm@[\d.]+ /.test(`${c} `));
      for (const command of commands) expect(command).toContain('--omit=dev');
      if (commands.length > 0) expect(install.args).toMatch(/prune-to-workspace\.sh/);
    }
    expect(final.instructions.filter((i) => i.keyword === 'RUN' && /\bnpm\b/.test(i.args))).toEqual([]);
    const copies = final.instructions.filter((i) => i.keyword === 'COPY');
    expect(copies.filter((c) => !c.args.startsWith('--from='))).toEqual([]);
    expect(copies.some((c) => /node_modules/.test(c.args))).toBe(true);
  });

  it(`copies into the final stage every workspace ${workspace} runs with, and only files that exist`, () => {
    const sources = final.instructions
      .filter((i) => i.keyword === 'COPY')
      .flatMap((i) => expand(i.args).split(/\s+/).slice(1, -1))
      .map((source) => source.replace(/^\/app\//, ''));
    for (const dir of runtimeWorkspaces(workspace)) expect(sources).toContain(dir);
    expect(sources).not.toContain('mocks');
    for (const source of sources.filter((s) => s !== 'node_modules')) expect([source, existsSync(path.join(repositoryRoot, source))]).toEqual([source, true]);
  });

  it('builds the bundle in the install stage and runs it with plain node, no TypeScript loader (npm run bundle)', () => {
    // The subgraph image's CMD is a launcher script (it sets <PREFIX>_HOST): what it runs counts.
    const launcher = /run-subgraph\.sh/.test(text) ? readFileSync(path.join(repositoryRoot, 'deploy/docker/run-subgraph.sh'), 'utf8') : '';
    const install = stages.find((stage) => stage.name === 'install')!;
    expect(install.instructions.filter((i) => i.keyword === 'RUN' && i.args.includes('node --import tsx subgraphs/kit/src/cli/bundle.ts'))).toHaveLength(1);
    expect(`${text}\n${launcher}`).toMatch(/dist\/main\.js/);
    expect(`${final.instructions.map((i) => i.args).join('\n')}\n${launcher}`).not.toMatch(/--import/);
    // The bundler and tsx (for the operations CLIs) are the kit's production dependencies, at exact versions.
    const kit = JSON.parse(readFileSync(path.join(repositoryRoot, 'subgraphs/kit/package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect([kit.dependencies.tsx, kit.dependencies.esbuild]).toEqual([expect.stringMatching(/^\d+\.\d+\.\d+$/), expect.stringMatching(/^\d+\.\d+\.\d+$/)]);
  });
});

describe('.dockerignore', () => {
  const lines = readFileSync(path.join(repositoryRoot, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

  it('keeps installed modules, git history, tests, local journals and every key out of the build context', () => {
    expect(lines).toEqual(expect.arrayContaining(['**/node_modules', '.git', '.passerelle', '**/test', 'subgraphs/kit/dev-keys', '**/.env']));
  });

  it("lets in the test workspace's package.json, which npm ci needs", () => {
    expect(lines.indexOf('!test/package.json')).toBeGreaterThan(lines.indexOf('**/test'));
  });
});

describe('the gateway image', () => {
  it('runs the gateway with the V8 flags the bench measures it with (gateway/src/gatewayNodeFlags.ts), on its command line', () => {
    const final = stagesOf(instructionsOf(readFileSync(path.join(repositoryRoot, 'deploy/docker/gateway.Dockerfile'), 'utf8'))).at(-1)!;
    const cmd = JSON.parse(final.instructions.find((i) => i.keyword === 'CMD')!.args) as string[];
    expect(cmd).toEqual(['node', ...gatewayNodeFlags, 'gateway/dist/main.js']);
    // Not in NODE_OPTIONS too: Node refuses some V8 flags there, and two places would drift apart.
    expect(final.instructions.filter((i) => i.keyword === 'ENV' && /NODE_OPTIONS=/.test(i.args))).toEqual([]);
  });
});
