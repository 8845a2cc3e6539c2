import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { silentLogger, type Logger } from '@passerelle/subgraph-kit';
import type { SceauLine } from '@passerelle/subgraph-kit/audit';
import { acquireJournalLock } from './acquireJournalLock';
import type { AuditRecord } from './AuditRecord';
import { chainHash } from './chainHash';
import { checkpointHmac } from './checkpointHmac';
import { resumeChain } from './resumeChain';
import { createGroupCommit, type PendingRecord } from './createGroupCommit';
import { minAuditSealKeyLength, toSealKeys, type SealKeys } from './SealKeys';

export { minAuditSealKeyLength } from './SealKeys';

/** Options of `createAuditJournal`. */
export interface AuditJournalOptions {
  /** The JSON Lines file; created (with its directory) if missing. */
  path: string;
  /**
   * HMAC key of the seals (AUDIT_SEAL_KEY), at least 32 characters; or the current key and the
   * previous ones (AUDIT_SEAL_KEYS_PREVIOUS), which still verify the end of the journal at start.
   */
  sealKey: string | SealKeys;
  /** Seal after this many records. @default 100 */
  sealEvery?: number;
  /** Seal at this interval when records were added since the last seal. @default 60000 */
  sealIntervalMs?: number;
  /** Where seals (an external witness of the journal's end) and write failures are logged. @default silentLogger */
  logger?: Logger;
  /** The seals' clock. @default () => new Date() */
  now?: () => Date;
}

/** An open audit journal. */
export interface AuditJournal {
  /** Writes one record; resolves once it is written to the file (fsync at each seal). Rejects a malformed record without writing. */
  append(record: AuditRecord): Promise<void>;
  /** Seals now if records were added since the last seal. */
  seal(): Promise<void>;
  /** Seals what is unsealed, closes the file and releases the lock. Idempotent. */
  close(): Promise<void>;
  /**
   * Whether a record appended now can be written: the journal is open, no write has failed, and
   * it still holds its lock. Read by the gateway's readiness (`GET /ready`).
   */
  writable(): Promise<boolean>;
}

async function writeAll(handle: FileHandle, text: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  for (let written = 0; written < bytes.length;) {
    const { bytesWritten } = await handle.write(bytes, written, bytes.length - written);
    written += bytesWritten;
  }
}

/**
 * Opens the append-only audit journal: one JSON line per record, hash-chained, with
 * HMAC-sealed checkpoints. Continues the chain of an existing file after checking its end
 * (refuses to start if it does not verify), and holds `<path>.lock` while open. Writes go
 * through one queue, so concurrent appends never interleave or fork the chain. After a
 * failed write the journal refuses every further write: the file's end is then unknown.
 */
export async function createAuditJournal(options: AuditJournalOptions): Promise<AuditJournal> {
  const { path, sealEvery = 100, sealIntervalMs = 60_000, logger = silentLogger, now = () => new Date() } = options;
  const sealKeys = toSealKeys(options.sealKey);
  const sealKey = sealKeys.current;
  if (sealKey.length < minAuditSealKeyLength) throw new RangeError(`The audit seal key must have at least ${minAuditSealKeyLength} characters.`);
  if (!Number.isSafeInteger(sealEvery) || sealEvery < 1) throw new RangeError('sealEvery must be a positive integer.');
  if (!Number.isFinite(sealIntervalMs) || sealIntervalMs < 1) throw new RangeError('sealIntervalMs must be a positive number of ms.');

  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const lock = await acquireJournalLock(path);
  const { resumed, handle } = await (async () => {
    const resumed = await resumeChain(path, sealKeys);
    return { resumed, handle: await open(path, 'a', 0o600) };
  })().catch(async (error: unknown) => {
    await lock.release();
    throw error;
  });
  const position = resumed.position;
  let unsealed = resumed.unsealed;
  let failure: Error | null = null;
  let closing: Promise<void> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const enqueue = (task: () => Promise<void>): Promise<void> => {
    const run = queue.then(async () => {
      if (failure !== null) throw new Error(`The audit journal ${path} stopped after a write failure: ${failure.message}`);
      try {
        await task();
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
        logger.error('audit journal write failed', { journal: path, reason: failure.message });
        throw error;
      }
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const writeSeal = async (): Promise<void> => {
    if (unsealed === 0) return;
    const fields: Omit<SceauLine, 'hmac'> = { type: 'sceau', seq: position.seq, hash: position.hash, time: now().toISOString(), numero: position.numero + 1 };
    await writeAll(handle, `${JSON.stringify({ ...fields, hmac: checkpointHmac(sealKey, fields) })}\n`);
    await handle.datasync();
    position.numero = fields.numero;
    unsealed = 0;
    // Logs are kept apart from the journal: the last seal logged bounds a truncation of the file.
    logger.info('audit journal sealed', { journal: path, numero: fields.numero, seq: fields.seq, hash: fields.hash });
  };

  /**
   * Group commit: records appended while a write is under way are written together by the next
   * one, in order, each chained to the one before; each append still resolves only once its
   * record is in the file (the seal, every `sealEvery` records, still falls exactly there), and
   * rejects if that write fails. Under load this is one write for many records instead of one each.
   */
  const writeRecords = async (records: readonly PendingRecord[]): Promise<void> => {
    let text = '';
    for (const { record } of records) {
      const seq = position.seq + 1;
      const hash = chainHash(position.hash, seq, record);
      text += `${JSON.stringify({ type: 'acces', seq, prevHash: position.hash, hash, record })}\n`;
      position.seq = seq;
      position.hash = hash;
      unsealed += 1;
      if (unsealed >= sealEvery) {
        await writeAll(handle, text);
        text = '';
        await writeSeal();
      }
    }
    if (text !== '') await writeAll(handle, text);
  };
  const commit = createGroupCommit(enqueue, writeRecords);

  if (unsealed > 0) {
    logger.warn('audit journal reopened with unsealed records (the previous run did not close it)', { journal: path, unsealed });
    void enqueue(writeSeal).catch(() => undefined);
  }
  logger.info('audit journal open', { journal: path, seq: position.seq, numero: position.numero });

  const timer = setInterval(() => {
    if (unsealed > 0 && closing === null) void enqueue(writeSeal).catch(() => undefined);
  }, sealIntervalMs);
  timer.unref();

  return {
    append(record) {
      if (closing !== null) return Promise.reject(new Error(`The audit journal ${path} is closed.`));
      return commit(record);
    },
    seal() {
      if (closing !== null) return closing;
      return enqueue(writeSeal);
    },
    async writable() {
      return failure === null && closing === null && (await lock.held());
    },
    close() {
      if (closing !== null) return closing;
      clearInterval(timer);
      const sealed = enqueue(writeSeal);
      closing = sealed
        .catch(() => undefined)
        .then(() => handle.close())
        .finally(() => lock.release())
        .then(() => sealed);
      return closing;
    },
  };
}
