import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './freePort';

/** A PostgreSQL server of its own for a test file: a cluster in a temporary directory, removed on stop. */
export interface ThrowawayPostgres {
  /** The superuser's URL for `database` (default `postgres`), over TCP on 127.0.0.1. */
  url(database?: string, user?: string, password?: string): string;
  port: number;
  /** The superuser's password (the cluster accepts only scram-sha-256 over TCP). */
  superuserPassword: string;
  stop(): void;
}

/**
 * Where PostgreSQL's server binaries are (initdb, pg_ctl): on PATH, else Debian's
 * /usr/lib/postgresql/<newest version>/bin (not on PATH there); null when neither has them.
 */
export function findPostgresBinaries(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir !== '' && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian)
    ? readdirSync(debian)
        .filter((name) => /^\d+$/.test(name) && existsSync(path.join(debian, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] === undefined ? null : path.join(debian, versions[0], 'bin');
}

/**
 * Whether the PostgreSQL tests of a file run: they do when the binaries are here, and in CI
 * (CI=true) always, failing when absent (.ci/run installs Debian's package). Elsewhere, without
 * them, prints why the file is skipped and returns false.
 */
export function postgresTestsRun(file: string): boolean {
  if (findPostgresBinaries() !== null || process.env.CI === 'true') return true;
  process.stderr.write(`${file}: skipped, no PostgreSQL server binaries on PATH or in /usr/lib/postgresql/*/bin (apt-get install -y postgresql, as root, to run it; CI always runs it).\n`);
  return false;
}

/** The unprivileged account postgres runs as when this process is root (postgres refuses root). */
function runAs(): { uid: number; gid: number; name: string } | null {
  if (process.getuid?.() !== 0) return null;
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const [name, , uid, gid] = line.split(':');
    if (name === 'postgres' && uid !== undefined && gid !== undefined) return { uid: Number(uid), gid: Number(gid), name };
  }
  throw new Error('Running as root, and there is no "postgres" account to run the test PostgreSQL server as (Debian\'s postgresql package creates it).');
}

/**
 * Starts a throwaway PostgreSQL cluster: initdb into a temporary directory (superuser `postgres`
 * with a random password, scram-sha-256 over TCP, trust on its private socket directory only),
 * then `pg_ctl start` on a free port of 127.0.0.1, without fsync (nothing here outlives the
 * test). As root, both run as the `postgres` account through `runuser`, since postgres refuses
 * to run as root; the directory is given to that account. `stop()` stops the server (also at the
 * process's exit) and removes the directory. Throws, saying how to install them, when the
 * binaries are missing.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = findPostgresBinaries();
  if (bin === null) throw new Error('No PostgreSQL server binaries (initdb, pg_ctl) on PATH or in /usr/lib/postgresql/*/bin: apt-get install -y postgresql (as root).');
  const account = runAs();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-pg-'));
  const data = path.join(dir, 'data');
  const superuserPassword = randomBytes(18).toString('base64url');
  writeFileSync(path.join(dir, 'pwfile'), `${superuserPassword}\n`, { mode: 0o600 });
  if (account !== null) {
    chownSync(dir, account.uid, account.gid);
    chownSync(path.join(dir, 'pwfile'), account.uid, account.gid);
  }
  const run = (command: string, args: string[]) => {
    const [file, argv] = account === null ? [path.join(bin, command), args] : ['runuser', ['-u', account.name, '--', path.join(bin, command), ...args]];
    return execFileSync(file, argv, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  };
  const explain = (error: unknown, what: string) => {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    const log = existsSync(path.join(dir, 'server.log')) ? readFileSync(path.join(dir, 'server.log'), 'utf8').slice(-2000) : '';
    return new Error(`${what} failed: ${(error as Error).message}\n${stderr}\n${log}`.trim());
  };
  try {
    run('initdb', ['-D', data, '-U', 'postgres', `--pwfile=${path.join(dir, 'pwfile')}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw explain(error, 'initdb');
  }
  let port = 0;
  let started = false;
  for (let attempt = 1; attempt <= 3 && !started; attempt += 1) {
    port = await freePort();
    try {
      run('pg_ctl', [
        '-D',
        data,
        '-l',
        path.join(dir, 'server.log'),
        '-w',
        '-t',
        '60',
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
        'start',
      ]);
      started = true;
    } catch (error) {
      // Another process may have taken the port between freePort() and the server's listen.
      if (attempt === 3) {
        rmSync(dir, { recursive: true, force: true });
        throw explain(error, 'pg_ctl start');
      }
    }
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', stop);
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.once('exit', stop);
  return {
    port,
    superuserPassword,
    url: (database = 'postgres', user = 'postgres', password = superuserPassword) =>
      `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    stop,
  };
}
