import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningFederation } from '@passerelle/dev';
import type { PersonaKey } from '@passerelle/mocks';
import { repositoryRoot } from '@passerelle/subgraph-kit/discovery';
import { query, startTestFederation, testCodec, type GraphQLAnswer, type TestCaller } from './testFederation';

/** Not copied: dependencies (linked instead), history (a fresh repository is made), caches and local state. */
const notCopied = new Set(['node_modules', '.git', '.turbo', '.passerelle']);

/**
 * A copy of this repository in a temporary folder, committed in a fresh git repository so that
 * `git status` lists what a command changed. Its node_modules links every installed package of
 * this checkout, except the workspaces (@passerelle/*), which are linked to the copy's own
 * folders as npm does: code of the copy runs the copy's kit, mocks and schema.
 */
export function copyRepository(source: string = repositoryRoot): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'passerelle-copy-'));
  cpSync(source, root, { recursive: true, filter: (file) => !notCopied.has(path.basename(file)) });
  const modules = path.join(source, 'node_modules');
  mkdirSync(path.join(root, 'node_modules/@passerelle'), { recursive: true });
  for (const entry of readdirSync(modules)) {
    if (entry !== '@passerelle') symlinkSync(path.join(modules, entry), path.join(root, 'node_modules', entry));
  }
  // npm's own links are relative (../../subgraphs/caf): recreated as they are, they point into the copy.
  for (const entry of readdirSync(path.join(modules, '@passerelle'))) {
    symlinkSync(readlinkSync(path.join(modules, '@passerelle', entry)), path.join(root, 'node_modules/@passerelle', entry));
  }
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=passerelle-test', '-c', 'user.email=test@passerelle.invalid', ...args], { cwd: root, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'copy');
  return root;
}

/** Every path `git status` reports in `root` (untracked files one by one), sorted. */
export function changedPaths(root: string): string[] {
  return execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.slice(3))
    .sort();
}

/** A partner scaffolded in a copy of the repository. */
export interface ScaffoldedPartner {
  root: string;
  /** The subgraph's name and partner code (`atelier-insertion`). */
  code: string;
  /** Its `Usager` field (`atelierInsertion`). */
  field: string;
  /** What `npm run subgraph:new` printed. */
  output: string;
  remove(): void;
}

/** Copies the repository and runs `npm run subgraph:new -- <code> --partenaire <libelle>` there (the copy's own scaffolder, as a partner would). */
export function scaffoldPartnerInCopy(code: string, libelle: string): ScaffoldedPartner {
  const root = copyRepository();
  const output = execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['dev/src/cli/newSubgraph.ts', code, '--partenaire', libelle], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
  const field = code.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return { root, code, field, output, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** The copy's federation, running its subgraphs (the new partner's included), its simulators and its supergraph. */
export interface ScaffoldedFederation {
  federation: RunningFederation;
  /** Calls the new partner's simulated system received since the last `federation.simulator.reset()` (`/_admin/stats`). */
  legacyCalls(): number;
  /** A persona's opaque id, as clients know it. */
  personaId(key: PersonaKey): string;
  /** An operation through the gateway, as `caller`. */
  query<T = Record<string, unknown>>(document: string, variables?: Record<string, unknown>, caller?: TestCaller | null): Promise<GraphQLAnswer<T>>;
}

export async function startScaffoldedFederation(partner: ScaffoldedPartner, extra: NodeJS.ProcessEnv = {}): Promise<ScaffoldedFederation> {
  const federation = await startTestFederation(extra, undefined, partner.root);
  return {
    federation,
    legacyCalls: () => federation.simulator.stats()[partner.code] ?? 0,
    personaId: (key) => testCodec.encode(federation.population.persona(key).nir),
    query: (document, variables = {}, caller = null) => query(federation, document, variables, caller),
  };
}
