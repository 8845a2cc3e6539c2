import { createReadStream } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseJournalLine, readJournalLines, type AncreLine } from '@passerelle/subgraph-kit/audit';
import { acquireJournalLock } from './acquireJournalLock';
import { checkpointHmac } from './checkpointHmac';
import { toSealKeys, type SealKeys } from './SealKeys';
import { verifyJournal } from './verifyJournal';

/** What `purgeJournal` did. */
export interface PurgeResult {
  /** Records removed (0: the file was left untouched). */
  purged: number;
  /** Records left in the file. */
  kept: number;
}

const problemsOf = (problems: Array<{ line: number; kind: string; detail: string }>) =>
  problems
    .filter((problem) => problem.kind !== 'non-scelle')
    .slice(0, 5)
    .map((problem) => `  - line ${problem.line}: ${problem.kind}: ${problem.detail}`);

/**
 * Applies the retention: removes the records older than `olderThan` and writes, in their
 * place, an HMAC-sealed anchor line carrying the seq and hash of the last record removed,
 * so the rest of the chain still verifies from it. The file is rewritten to a temporary
 * file in the same directory, checked, then renamed over the journal (atomic).
 *
 * Records are removed as a prefix: up to the first record at or after the cut-off. A record
 * after it with an earlier time (a slow request) is kept. Refuses to purge a journal that
 * does not verify (that would destroy the evidence), or one that is open (its lock is held).
 * The journal is verified with every key of `sealKeys`; the anchor is made with the current one.
 */
export async function purgeJournal(path: string, keys: string | SealKeys, options: { olderThan: Date; now?: () => Date }): Promise<PurgeResult> {
  const sealKeys = toSealKeys(keys);
  const cutoff = options.olderThan.getTime();
  if (Number.isNaN(cutoff)) throw new RangeError('olderThan is not a valid date');
  await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT' ? new Error(`No audit journal at ${path}`) : error;
  });
  const lock = await acquireJournalLock(path);
  const temporary = join(dirname(path), `.${basename(path)}.purge-${process.pid}.tmp`);
  try {
    const before = await verifyJournal(path, sealKeys);
    if (!before.ok) throw new Error([`The audit journal ${path} does not verify; refusing to purge it:`, ...problemsOf(before.problems)].join('\n'));

    let purged = 0;
    let last: { seq: number; hash: string } | null = null;
    let numero = 0;
    let keptFrom: number | null = null;
    for await (const { text, offset } of readJournalLines(path)) {
      const parsed = parseJournalLine(text);
      if (!parsed.ok) throw new Error(`${path} changed while it was being purged`);
      const entry = parsed.line;
      if (entry.type !== 'acces') {
        numero = entry.numero;
        continue;
      }
      const time = typeof entry.record.time === 'string' ? Date.parse(entry.record.time) : Number.NaN;
      if (time >= cutoff) {
        keptFrom = offset;
        break;
      }
      purged += 1;
      last = { seq: entry.seq, hash: entry.hash };
    }
    if (last === null) return { purged: 0, kept: before.records };

    const fields: Omit<AncreLine, 'hmac'> = {
      type: 'ancre',
      seq: last.seq,
      hash: last.hash,
      time: (options.now ?? (() => new Date()))().toISOString(),
      purges: purged,
      numero,
    };
    const output = await open(temporary, 'wx', 0o600);
    try {
      await output.write(`${JSON.stringify({ ...fields, hmac: checkpointHmac(sealKeys.current, fields) })}\n`);
      if (keptFrom !== null) for await (const chunk of createReadStream(path, { start: keptFrom })) await output.write(chunk as Buffer);
      await output.sync();
    } finally {
      await output.close();
    }
    const after = await verifyJournal(temporary, sealKeys);
    if (!after.ok) throw new Error([`The purged journal does not verify (a bug: ${path} is left untouched):`, ...problemsOf(after.problems)].join('\n'));
    await rename(temporary, path);
    const directory = await open(dirname(path), 'r');
    // Makes the rename durable; some platforms cannot fsync a directory, which is no reason to fail.
    await directory
      .sync()
      .catch(() => undefined)
      .finally(() => directory.close());
    return { purged, kept: after.records };
  } finally {
    await unlink(temporary).catch(() => undefined);
    await lock.release();
  }
}
