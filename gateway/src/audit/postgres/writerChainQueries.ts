import type { ClientBase } from 'pg';
import type { WriterProblem } from './createWriterChainVerifier';
import { count, type AnchorRow, type RecordRow, type SealRow } from './WriterRows';

/** Rows read per query when streaming a writer's records. */
const pageSize = 2000;

/** Every writer that left something in the journal (records, seals or an anchor), sorted. */
export async function writersOf(client: ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ writer_id: string }>(
    `SELECT writer_id FROM passerelle_audit.record UNION SELECT writer_id FROM passerelle_audit.seal
     UNION SELECT writer_id FROM passerelle_audit.anchor ORDER BY writer_id`,
  );
  return rows.map((row) => row.writer_id);
}

/** The writer's anchor (its purged prefix), or null. */
export async function readAnchor(client: ClientBase, writer: string): Promise<AnchorRow | null> {
  const { rows } = await client.query<Record<string, unknown>>('SELECT seq, hash, time, purges, numero, hmac FROM passerelle_audit.anchor WHERE writer_id = $1', [writer]);
  const row = rows[0];
  if (row === undefined) return null;
  return { seq: count(row.seq), hash: String(row.hash), time: row.time as Date, purges: count(row.purges), numero: count(row.numero), hmac: String(row.hmac) };
}

const sealOf = (row: Record<string, unknown>): SealRow => ({ numero: count(row.numero), seq: count(row.seq), hash: String(row.hash), time: row.time as Date, hmac: String(row.hmac) });

/** The writer's seals after seal `afterNumero`, in order. */
export async function readSeals(client: ClientBase, writer: string, afterNumero = 0): Promise<SealRow[]> {
  const { rows } = await client.query<Record<string, unknown>>('SELECT numero, seq, hash, time, hmac FROM passerelle_audit.seal WHERE writer_id = $1 AND numero > $2 ORDER BY numero', [
    writer,
    afterNumero,
  ]);
  return rows.map(sealOf);
}

/** The writer's last `limit` seals, newest first. */
export async function readLastSeals(client: ClientBase, writer: string, limit: number): Promise<SealRow[]> {
  const { rows } = await client.query<Record<string, unknown>>('SELECT numero, seq, hash, time, hmac FROM passerelle_audit.seal WHERE writer_id = $1 ORDER BY numero DESC LIMIT $2', [writer, limit]);
  return rows.map(sealOf);
}

/** Streams the writer's records after seq `afterSeq`, in seq order, a page at a time (keyset on the primary key). */
export async function* readRecords(client: ClientBase, writer: string, afterSeq = 0): AsyncGenerator<RecordRow> {
  let after = afterSeq;
  for (;;) {
    const { rows } = await client.query<Record<string, unknown>>('SELECT seq, prev_hash, hash, time, record FROM passerelle_audit.record WHERE writer_id = $1 AND seq > $2 ORDER BY seq LIMIT $3', [
      writer,
      after,
      pageSize,
    ]);
    for (const row of rows) {
      const record = row.record;
      yield {
        seq: count(row.seq),
        prevHash: String(row.prev_hash),
        hash: String(row.hash),
        time: row.time as Date,
        record: typeof record === 'object' && record !== null && !Array.isArray(record) ? (record as Record<string, unknown>) : {},
      };
    }
    if (rows.length < pageSize) return;
    after = count(rows[rows.length - 1]!.seq);
  }
}

/**
 * Where the usager index (record_usager, which `monJournalDesAcces` reads) disagrees with the
 * records it is derived from: a record whose indexed usagers are not its `usagers`, or an index
 * row without its record. A row removed from the index would hide an access from the usager.
 */
export async function indexProblems(client: ClientBase, writer: string, limit = 20): Promise<WriterProblem[]> {
  const mismatched = await client.query<{ seq: string }>(
    `SELECT r.seq FROM passerelle_audit.record r
     WHERE r.writer_id = $1
       AND ARRAY(SELECT u.usager_id FROM passerelle_audit.record_usager u WHERE u.writer_id = r.writer_id AND u.seq = r.seq AND u.time = r.time ORDER BY 1)
           IS DISTINCT FROM
           ARRAY(SELECT x FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(r.record->'usagers') = 'array' THEN r.record->'usagers' ELSE '[]' END) x ORDER BY 1)
     ORDER BY r.seq LIMIT $2`,
    [writer, limit],
  );
  const orphans = await client.query<{ seq: string }>(
    `SELECT DISTINCT u.seq FROM passerelle_audit.record_usager u
     WHERE u.writer_id = $1 AND NOT EXISTS (SELECT FROM passerelle_audit.record r WHERE r.writer_id = u.writer_id AND r.seq = u.seq)
     ORDER BY u.seq LIMIT $2`,
    [writer, limit],
  );
  return [
    ...mismatched.rows.map((row): WriterProblem => ({ writer, seq: count(row.seq), kind: 'altere', detail: `record seq ${row.seq}: the usager index does not list exactly the record's usagers` })),
    ...orphans.rows.map((row): WriterProblem => ({ writer, seq: count(row.seq), kind: 'supprime', detail: `the usager index lists record seq ${row.seq}, which is missing` })),
  ];
}
