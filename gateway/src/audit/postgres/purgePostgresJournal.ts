import { createHash } from 'node:crypto';
import type { ClientBase } from 'pg';
import { verifyWriterChain, type WriterVerification } from './verifyPostgresJournal';
import { writerCheckpointHmac, writerLockKey, type WriterAnchorFields, type WriterSealFields } from './writerCheckpoint';
import { readAnchor, writersOf } from './writerChainQueries';
import { count } from './WriterRows';
import { toSealKeys, type SealKeys } from '../SealKeys';

/** What the purge did to one writer's chain. */
export interface WriterPurgeResult {
  writer: string;
  /** Records removed now (0: nothing was old enough, or the chain was refused). */
  purged: number;
  /** Records left in the chain. */
  kept: number;
  /** The writer was gone and its unsealed tail, all older than the retention, was sealed first. */
  sealedTail: boolean;
  /** Why this chain was not purged (it does not verify), or null. */
  refused: string | null;
}

/** One purge at a time across the whole database. */
const purgeLockKey = createHash('sha256').update('passerelle-audit-purge', 'utf8').digest().readBigInt64BE(0).toString();

const problemsOf = (verification: WriterVerification) =>
  verification.problems
    .filter((problem) => problem.kind !== 'non-scelle')
    .slice(0, 5)
    .map((problem) => `  - ${problem.seq === null ? '' : `seq ${problem.seq}: `}${problem.kind}: ${problem.detail}`)
    .join('\n');

/**
 * Applies the retention to the PostgreSQL audit journal, as the purge role
 * (passerelle_audit_purger), writer by writer, each in one transaction:
 * - a chain that does not verify is left untouched and reported (that would destroy the evidence);
 * - only whole sealed segments go: the records up to the last seal before the first record at
 *   or after `olderThan`, with those seals and their usager index rows; an HMAC-sealed anchor
 *   (the last record and seal removed, the count removed so far) replaces the writer's previous one,
 *   so the rest of the chain still verifies from it;
 * - a writer that is gone (nobody holds its advisory lock) and whose records are all older than
 *   the retention has its unsealed tail sealed first, after verifying it, so that a crashed
 *   process's last records are purged too instead of staying forever.
 * Gateways keep writing meanwhile: a writer only appends after its last seal, the purge only
 * removes up to a seal.
 * Chains are verified with every key of `sealKeys`; seals and anchors are made with the current one.
 */
export async function purgePostgresJournal(client: ClientBase, keys: string | SealKeys, options: { olderThan: Date; now?: () => Date }): Promise<WriterPurgeResult[]> {
  const cutoff = options.olderThan;
  if (Number.isNaN(cutoff.getTime())) throw new RangeError('olderThan is not a valid date');
  const now = options.now ?? (() => new Date());
  const sealKeys = toSealKeys(keys);
  const results: WriterPurgeResult[] = [];
  for (const writer of await writersOf(client)) {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [purgeLockKey]);
      const result = await purgeWriter(client, writer, sealKeys, cutoff, now);
      await client.query(result.purged > 0 || result.sealedTail ? 'COMMIT' : 'ROLLBACK');
      results.push(result);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
  return results;
}

async function purgeWriter(client: ClientBase, writer: string, sealKeys: SealKeys, cutoff: Date, now: () => Date): Promise<WriterPurgeResult> {
  const before = await verifyWriterChain(client, writer, sealKeys);
  if (!before.ok) return { writer, purged: 0, kept: before.records, sealedTail: false, refused: `the chain does not verify; refusing to purge it:\n${problemsOf(before)}` };

  const firstKept = await client.query<{ seq: string | null }>('SELECT min(seq) AS seq FROM passerelle_audit.record WHERE writer_id = $1 AND time >= $2', [writer, cutoff]);
  const keptFrom = firstKept.rows[0]?.seq ?? null;
  let sealedTail = false;
  if (keptFrom === null && before.unsealed > 0) {
    // Held by the writer's own connection while it runs: got only if the writer is gone.
    const gone = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1::bigint) AS locked', [writerLockKey(writer)]);
    if (gone.rows[0]?.locked === true) {
      const fields: WriterSealFields = { type: 'sceau', writer, seq: before.position.seq, hash: before.position.hash, time: now().toISOString(), numero: before.position.numero + 1 };
      await client.query('INSERT INTO passerelle_audit.seal (writer_id, numero, seq, hash, time, hmac) VALUES ($1, $2, $3, $4, $5, $6)', [
        writer,
        fields.numero,
        fields.seq,
        fields.hash,
        fields.time,
        writerCheckpointHmac(sealKeys.current, fields),
      ]);
      sealedTail = true;
    }
  }
  const prefixEnd = keptFrom === null ? before.position.seq : count(keptFrom) - 1;
  const last = await client.query<{ numero: string; seq: string; hash: string }>(
    'SELECT numero, seq, hash FROM passerelle_audit.seal WHERE writer_id = $1 AND seq <= $2 ORDER BY numero DESC LIMIT 1',
    [writer, prefixEnd],
  );
  const seal = last.rows[0];
  const anchor = await readAnchor(client, writer);
  if (seal === undefined || count(seal.seq) <= (anchor?.seq ?? 0)) return { writer, purged: 0, kept: before.records, sealedTail, refused: null };

  await client.query('DELETE FROM passerelle_audit.record_usager WHERE writer_id = $1 AND seq <= $2', [writer, seal.seq]);
  const removed = await client.query('DELETE FROM passerelle_audit.record WHERE writer_id = $1 AND seq <= $2', [writer, seal.seq]);
  await client.query('DELETE FROM passerelle_audit.seal WHERE writer_id = $1 AND numero <= $2', [writer, seal.numero]);
  const purged = removed.rowCount ?? 0;
  const fields: WriterAnchorFields = {
    type: 'ancre',
    writer,
    seq: count(seal.seq),
    hash: seal.hash,
    time: now().toISOString(),
    purges: (anchor?.purges ?? 0) + purged,
    numero: count(seal.numero),
  };
  await client.query('DELETE FROM passerelle_audit.anchor WHERE writer_id = $1', [writer]);
  await client.query('INSERT INTO passerelle_audit.anchor (writer_id, seq, hash, time, purges, numero, hmac) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    writer,
    fields.seq,
    fields.hash,
    fields.time,
    fields.purges,
    fields.numero,
    writerCheckpointHmac(sealKeys.current, fields),
  ]);
  const after = await verifyWriterChain(client, writer, sealKeys);
  // Thrown, so the transaction is rolled back: the chain is left as it was.
  if (!after.ok) throw new Error(`The purged chain of writer ${writer} does not verify (a bug: nothing was removed):\n${problemsOf(after)}`);
  return { writer, purged, kept: after.records, sealedTail, refused: null };
}
