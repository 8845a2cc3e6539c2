import pg from 'pg';
import { redactedDatabaseUrl, silentLogger, type Logger } from '@passerelle/subgraph-kit';
import { chainHash } from '../chainHash';
import type { AuditJournal } from '../createAuditJournal';
import { minAuditSealKeyLength, toSealKeys, type SealKeys } from '../SealKeys';
import { resumeWriterChain } from './resumeWriterChain';
import { writerCheckpointHmac, writerLockKey, type WriterSealFields } from './writerCheckpoint';
import { createGroupCommit, type PendingRecord } from '../createGroupCommit';

/** Options of `createPostgresAuditJournal`. */
export interface PostgresAuditJournalOptions {
  /** AUDIT_DATABASE_URL: a member of passerelle_audit_writer. */
  connectionString: string;
  /** This process's chain (AUDIT_WRITER_ID, or `defaultWriterId()`): no other live process may use it. */
  writerId: string;
  /**
   * HMAC key of the seals (AUDIT_SEAL_KEY), at least 32 characters; or the current key and the
   * previous ones (AUDIT_SEAL_KEYS_PREVIOUS), which still verify the end of the chain on (re)connecting.
   */
  sealKey: string | SealKeys;
  /** Seal after this many records. @default 100 */
  sealEvery?: number;
  /** Seal at this interval when records were added since the last seal. @default 60000 */
  sealIntervalMs?: number;
  /** Where seals and write failures are logged. @default silentLogger */
  logger?: Logger;
  /** The seals' clock. @default () => new Date() */
  now?: () => Date;
  /** After a lost connection or a failed write, the first wait before reconnecting, doubled on each failed try. @default 1000 */
  reconnectDelayMs?: number;
  /** The longest wait between two tries to reconnect. @default 30000 */
  reconnectMaxDelayMs?: number;
}

const writerIdPattern = /^[A-Za-z0-9._:@-]{1,128}$/;

/**
 * Opens this process's chain in the PostgreSQL audit journal (AUDIT_SINK=postgres), with the
 * guarantees of the file journal (`createAuditJournal`): hash chain, HMAC seals every
 * `sealEvery` records, every `sealIntervalMs` and on close, resume after a restart (the end of
 * the chain verified first), group commit, and no write after a failed one.
 *
 * Several processes write at once, each its own chain (docs/security.md, "The audit journal"):
 * no lock between them, one transaction per flush (the records, their usager index rows and the
 * seals falling in the batch, inserted with one statement each). One connection, held for the
 * writer's life, owns a session advisory lock on the writer id, so a second process given the
 * same AUDIT_WRITER_ID is refused at start instead of forking the chain.
 *
 * A lost connection or a failed write stops the writer: appends are refused (the gateway then
 * refuses the requests: no answer without its record) and `writable()` is false (not ready). It
 * then reconnects by itself, with a growing delay: a new connection, the writer id's lock taken
 * again (refused while the old session lingers on the server: tried again later), and the chain's
 * end read and verified again, so that it continues from what the database holds, whatever became
 * of the batch that failed. Then it is writable again.
 */
export async function createPostgresAuditJournal(options: PostgresAuditJournalOptions): Promise<AuditJournal> {
  const { connectionString, writerId, sealEvery = 100, sealIntervalMs = 60_000, logger = silentLogger, now = () => new Date() } = options;
  const sealKeys = toSealKeys(options.sealKey);
  const sealKey = sealKeys.current;
  if (sealKey.length < minAuditSealKeyLength) throw new RangeError(`The audit seal key must have at least ${minAuditSealKeyLength} characters.`);
  if (!Number.isSafeInteger(sealEvery) || sealEvery < 1) throw new RangeError('sealEvery must be a positive integer.');
  if (!Number.isFinite(sealIntervalMs) || sealIntervalMs < 1) throw new RangeError('sealIntervalMs must be a positive number of ms.');
  if (!writerIdPattern.test(writerId)) throw new RangeError('The audit writer id must be 1 to 128 letters, digits or . _ : @ -');
  const database = redactedDatabaseUrl(connectionString);

  const { reconnectDelayMs = 1_000, reconnectMaxDelayMs = 30_000 } = options;
  if (!Number.isFinite(reconnectDelayMs) || reconnectDelayMs < 1 || !Number.isFinite(reconnectMaxDelayMs) || reconnectMaxDelayMs < reconnectDelayMs) {
    throw new RangeError('reconnectDelayMs must be a positive number of ms, and reconnectMaxDelayMs at least as long.');
  }

  let failure: Error | null = null;
  let client: pg.Client;
  let reconnectTimer: NodeJS.Timeout | null = null;
  let closing: Promise<void> | null = null;
  const fail = (error: unknown): Error => {
    failure ??= error instanceof Error ? error : new Error(String(error));
    scheduleReconnect();
    return failure;
  };

  /** A connection holding the writer id's lock, and where the chain continues (verified). */
  const openWriter = async (): Promise<{ connection: pg.Client; resumed: Awaited<ReturnType<typeof resumeWriterChain>> }> => {
    const connection = new pg.Client({ connectionString, application_name: `passerelle-audit ${writerId}`.slice(0, 63) });
    // A connection lost while idle: the lock on the writer id goes with it, so this writer stops (and reconnects).
    connection.on('error', (error) => {
      if (connection !== client) return;
      logger.error('audit journal connection lost', { database, writer: writerId, reason: error.message });
      fail(error);
    });
    try {
      await connection.connect();
      const locked = await connection.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [writerLockKey(writerId)]);
      if (locked.rows[0]?.locked !== true) {
        throw new Error(`The audit writer id ${writerId} is in use by another process on ${database}: give each gateway process its own AUDIT_WRITER_ID.`);
      }
      return { connection, resumed: await resumeWriterChain(connection, writerId, sealKeys) };
    } catch (error) {
      await connection.end().catch(() => undefined);
      throw error;
    }
  };

  function scheduleReconnect(): void {
    if (reconnectTimer !== null || closing !== null) return;
    let delay = reconnectDelayMs;
    // The stopped connection ends first: after a failed write it may still be alive and hold the
    // writer id's lock, which the new one must take (bounded: a dead socket may never say it ended).
    const lost = client;
    const released = Promise.race([lost.end().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    const attempt = async (): Promise<void> => {
      if (closing !== null) return;
      try {
        await released;
        const { connection, resumed: again } = await openWriter();
        if (closing !== null) {
          await connection.end().catch(() => undefined);
          return;
        }
        client = connection;
        Object.assign(position, again.position);
        unsealed = again.unsealed;
        failure = null;
        reconnectTimer = null;
        logger.info('audit journal reconnected', { database, writer: writerId, seq: position.seq, numero: position.numero });
        if (unsealed > 0) void enqueue(writeSeal).catch(() => undefined);
      } catch (error) {
        logger.warn('audit journal reconnection failed', { database, writer: writerId, reason: error instanceof Error ? error.message : String(error), retryInMs: delay });
        reconnectTimer = setTimeout(() => void attempt(), delay);
        reconnectTimer.unref();
        delay = Math.min(delay * 2, reconnectMaxDelayMs);
      }
    };
    reconnectTimer = setTimeout(() => void attempt(), delay);
    reconnectTimer.unref();
    delay = Math.min(delay * 2, reconnectMaxDelayMs);
  }

  const opened = await openWriter();
  client = opened.connection;
  const resumed = opened.resumed;
  const position = resumed.position;
  let unsealed = resumed.unsealed;
  let queue: Promise<unknown> = Promise.resolve();

  const enqueue = (task: () => Promise<void>): Promise<void> => {
    const run = queue.then(async () => {
      if (failure !== null) throw new Error(`The audit journal's writer ${writerId} stopped after a failure: ${failure.message}`);
      try {
        await task();
      } catch (error) {
        const stopped = fail(error);
        logger.error('audit journal write failed', { database, writer: writerId, reason: stopped.message });
        throw error;
      }
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const sealFields = (seq: number, hash: string, numero: number): WriterSealFields => ({ type: 'sceau', writer: writerId, seq, hash, time: now().toISOString(), numero });

  /** Runs `statements` in one transaction; the chain's position moves only once it committed. */
  const transaction = async (statements: (db: pg.Client) => Promise<void>): Promise<void> => {
    await client.query('BEGIN');
    try {
      await statements(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  };

  const insertSeals = (db: pg.Client, seals: ReadonlyArray<WriterSealFields & { hmac: string }>) =>
    db.query(
      `INSERT INTO passerelle_audit.seal (writer_id, numero, seq, hash, time, hmac)
       SELECT $1, * FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::timestamptz[], $6::text[])`,
      [writerId, seals.map((s) => s.numero), seals.map((s) => s.seq), seals.map((s) => s.hash), seals.map((s) => s.time), seals.map((s) => s.hmac)],
    );

  const logSeal = (seal: WriterSealFields) => logger.info('audit journal sealed', { database, writer: writerId, numero: seal.numero, seq: seal.seq, hash: seal.hash });

  const writeSeal = async (): Promise<void> => {
    if (unsealed === 0) return;
    const fields = sealFields(position.seq, position.hash, position.numero + 1);
    await transaction((db) => insertSeals(db, [{ ...fields, hmac: writerCheckpointHmac(sealKey, fields) }]).then(() => undefined));
    position.numero = fields.numero;
    unsealed = 0;
    // Logs are kept apart from the database: the last seal logged bounds the removal of a chain's end.
    logSeal(fields);
  };

  /** Group commit: every record appended while the previous flush ran, in one transaction, each chained to the one before. */
  const writeRecords = async (pendings: readonly PendingRecord[]): Promise<void> => {
    let { seq, hash, numero } = position;
    let sinceSeal = unsealed;
    const rows: Array<{ seq: number; prevHash: string; hash: string; time: string; json: string }> = [];
    const usagers: Array<{ usager: string; time: string; seq: number }> = [];
    const seals: Array<WriterSealFields & { hmac: string }> = [];
    for (const { record } of pendings) {
      const prevHash = hash;
      seq += 1;
      hash = chainHash(prevHash, seq, record);
      rows.push({ seq, prevHash, hash, time: record.time, json: JSON.stringify(record) });
      for (const usager of record.usagers) usagers.push({ usager, time: record.time, seq });
      sinceSeal += 1;
      if (sinceSeal >= sealEvery) {
        numero += 1;
        const fields = sealFields(seq, hash, numero);
        seals.push({ ...fields, hmac: writerCheckpointHmac(sealKey, fields) });
        sinceSeal = 0;
      }
    }
    await transaction(async (db) => {
      await db.query(
        `INSERT INTO passerelle_audit.record (writer_id, seq, prev_hash, hash, time, record)
         SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::timestamptz[], $6::jsonb[])`,
        [writerId, rows.map((r) => r.seq), rows.map((r) => r.prevHash), rows.map((r) => r.hash), rows.map((r) => r.time), rows.map((r) => r.json)],
      );
      if (usagers.length > 0) {
        await db.query(
          `INSERT INTO passerelle_audit.record_usager (writer_id, usager_id, time, seq)
           SELECT $1, * FROM unnest($2::text[], $3::timestamptz[], $4::bigint[])`,
          [writerId, usagers.map((u) => u.usager), usagers.map((u) => u.time), usagers.map((u) => u.seq)],
        );
      }
      if (seals.length > 0) await insertSeals(db, seals);
    });
    Object.assign(position, { seq, hash, numero });
    unsealed = sinceSeal;
    seals.forEach(logSeal);
  };

  const commit = createGroupCommit(enqueue, writeRecords);

  if (unsealed > 0) {
    logger.warn('audit journal reopened with unsealed records (the previous run did not close it)', { database, writer: writerId, unsealed });
    void enqueue(writeSeal).catch(() => undefined);
  }
  logger.info('audit journal open', { database, writer: writerId, seq: position.seq, numero: position.numero });

  const timer = setInterval(() => {
    if (unsealed > 0 && closing === null) void enqueue(writeSeal).catch(() => undefined);
  }, sealIntervalMs);
  timer.unref();

  return {
    append(record) {
      if (closing !== null) return Promise.reject(new Error(`The audit journal's writer ${writerId} is closed.`));
      return commit(record);
    },
    // A lost connection or a failed write sets `failure` (the client's 'error' listener above): not ready.
    writable() {
      return Promise.resolve(failure === null && closing === null);
    },
    seal() {
      if (closing !== null) return closing;
      return enqueue(writeSeal);
    },
    close() {
      if (closing !== null) return closing;
      clearInterval(timer);
      if (reconnectTimer !== null) clearTimeout(reconnectTimer);
      const sealed = enqueue(writeSeal);
      // Ending the session releases the advisory lock on the writer id.
      closing = sealed
        .catch(() => undefined)
        .then(() => client.end())
        .catch(() => undefined)
        .then(() => sealed);
      return closing;
    },
  };
}
