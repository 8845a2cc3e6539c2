import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApiSchemaSource } from './runSchemaCheck';

/** A --base that git cannot resolve: bad usage, not a failed check. */
export class BaseRefError extends Error {}

/**
 * The API schema to judge changes against: `schema/api.graphql` as committed at `base` (a git
 * ref), by default the merge-base of HEAD and the local `main` when on another branch (what the
 * branch changes), else HEAD (what is not committed yet). Without git, or when the default
 * base has no such file, the file on disk, saying so. An explicit `base` that git cannot
 * resolve throws a BaseRefError.
 */
export function resolveBaseApiSchema(apiSchemaFile: string, base?: string): ApiSchemaSource {
  const cwd = path.dirname(apiSchemaFile);
  const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const onDisk = (why: string): ApiSchemaSource => ({
    sdl: readFileSync(apiSchemaFile, 'utf8'),
    label: `${path.basename(apiSchemaFile)} on disk`,
    fromDisk: true,
    note: `${why}: comparing with the file on disk instead, which shows only changes not composed yet`,
  });

  let root: string;
  try {
    root = git('rev-parse', '--show-toplevel');
  } catch {
    if (base !== undefined) throw new BaseRefError(`--base ${base}: git is unavailable here or this is not a git repository`);
    return onDisk('git is unavailable or this is not a git repository');
  }
  const file = path.relative(root, apiSchemaFile).split(path.sep).join('/');

  let ref: string;
  let label: string;
  if (base !== undefined) {
    try {
      ref = git('rev-parse', '--verify', '--quiet', `${base}^{commit}`);
    } catch {
      throw new BaseRefError(`--base ${base}: git knows no such commit, branch or tag`);
    }
    label = `${base} (${ref.slice(0, 10)})`;
  } else {
    const branch = tryGit(git, 'symbolic-ref', '--short', '-q', 'HEAD');
    const main = tryGit(git, 'rev-parse', '--verify', '--quiet', 'refs/heads/main');
    const mergeBase = branch !== undefined && branch !== 'main' && main !== undefined ? tryGit(git, 'merge-base', 'HEAD', 'main') : undefined;
    const head = tryGit(git, 'rev-parse', '--verify', '--quiet', 'HEAD');
    if (mergeBase !== undefined) [ref, label] = [mergeBase, `main (merge-base ${mergeBase.slice(0, 10)} of ${branch} and main)`];
    else if (head !== undefined) [ref, label] = [head, `HEAD (${head.slice(0, 10)})`];
    else return onDisk('the repository has no commit yet');
  }

  try {
    return { sdl: git('show', `${ref}:${file}`) + '\n', label: `${file} at ${label}` };
  } catch {
    if (base !== undefined) throw new BaseRefError(`--base ${base}: ${file} does not exist at that commit`);
    return onDisk(`${file} does not exist at ${label}`);
  }
}

function tryGit(git: (...args: string[]) => string, ...args: string[]): string | undefined {
  try {
    const out = git(...args);
    return out === '' ? undefined : out;
  } catch {
    return undefined;
  }
}
