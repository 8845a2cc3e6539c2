import { readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';

/** A held journal lock (see `acquireJournalLock`). */
export interface JournalLock {
  release(): Promise<void>;
  /** True while `<journal>.lock` still names this process (someone may have removed or replaced it). */
  held(): Promise<boolean>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<journal>.lock` (created exclusively, holding pid and host) so that one writer or
 * purge at a time owns the journal: two writers would fork the chain, and a purge renames
 * the file under a writer's feet. A lock left by a dead process on this host is taken over;
 * any other lock is refused with an error naming its holder.
 */
export async function acquireJournalLock(journalPath: string): Promise<JournalLock> {
  const lockPath = `${journalPath}.lock`;
  const content = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
  for (let attempt = 0; ; attempt += 1) {
    try {
      await writeFile(lockPath, content, { flag: 'wx', mode: 0o600 });
      return {
        release: () => unlink(lockPath).catch(() => undefined),
        held: () =>
          readFile(lockPath, 'utf8').then(
            (text) => text === content,
            () => false,
          ),
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
    }
    const holder = await readFile(lockPath, 'utf8')
      .then((text) => JSON.parse(text) as { pid?: unknown; host?: unknown })
      .catch((): { pid?: unknown; host?: unknown } => ({}));
    const pid = typeof holder.pid === 'number' ? holder.pid : null;
    const stale = pid !== null && holder.host === hostname() && pid !== process.pid && !isAlive(pid);
    if (!stale) {
      const who = pid === null ? 'an unknown process' : `process ${pid} on ${String(holder.host)}`;
      throw new Error(`The audit journal ${journalPath} is in use by ${who} (lock file ${lockPath}). If no process uses it any more, remove the lock file.`);
    }
    await unlink(lockPath).catch(() => undefined);
  }
}
