import { postgresTestsRun } from '@passerelle/mocks';
import { createPostgresAuditJournal } from '../../src/audit/postgres/createPostgresAuditJournal';
import { verifyPostgresJournal } from '../../src/audit/postgres/verifyPostgresJournal';
import { migrateAuditDatabase } from '../../src/audit/postgres/migrateAuditDatabase';
import { chainHash } from '../../src/audit/chainHash';
import { writerGenesisHash } from '../../src/audit/postgres/writerCheckpoint';
import { makeRecord, recordingLogger, sealKey } from './auditTestKit';
import { connectedAs, useAuditDatabase, type AuditDatabase } from './useAuditDatabase';

const run = postgresTestsRun('postgresAuditJournal.test');
const describeWithPostgres = run ? describe : describe.skip;
const databases = run ? useAuditDatabase() : null;

/** Writes `count` records concurrently as `writerId` and closes. */
async function writeChain(db: AuditDatabase, writerId: string, count: number, sealEvery = 64, from = 1): Promise<void> {
  const journal = await createPostgresAuditJournal({ connectionString: db.url('writer'), writerId, sealKey, sealEvery });
  await Promise.all(Array.from({ length: count }, (_, index) => journal.append(makeRecord(from + index))));
  await journal.close();
}

const verify = (db: AuditDatabase, strict = false) => connectedAs(db.url('reader'), (client) => verifyPostgresJournal(client, sealKey, { strict }));
/** Superuser changes with the append-only trigger off, as an intruder with the server's rights would. */
async function tamper(db: AuditDatabase, sql: string, values?: unknown[]): Promise<void> {
  await db.asSuperuser('SET session_replication_role = replica');
  await db.asSuperuser(sql, values);
}

describeWithPostgres('the PostgreSQL audit journal', () => {
  it('takes two writers at once, each its own chain, sealed every sealEvery records and on close, that verify', async () => {
    const db = await databases!.fresh();
    await Promise.all([writeChain(db, 'gw-a', 300), writeChain(db, 'gw-b', 200)]);
    const result = await verify(db);
    expect(result.writers.map(({ writer, records, seals, problems, ok, purged }) => ({ writer, records, seals, problems, ok, purged }))).toEqual([
      { writer: 'gw-a', records: 300, seals: 5, problems: [], ok: true, purged: 0 },
      { writer: 'gw-b', records: 200, seals: 4, problems: [], ok: true, purged: 0 },
    ]);
    expect(result).toMatchObject({ ok: true, records: 500, seals: 9 });
    const { rows } = await db.asSuperuser<{ seq: string; prev_hash: string; hash: string; record: unknown }>(
      "SELECT seq, prev_hash, hash, record FROM passerelle_audit.record WHERE writer_id = 'gw-b' ORDER BY seq",
    );
    let prevHash = writerGenesisHash('gw-b');
    for (const row of rows) {
      expect(row.prev_hash).toBe(prevHash);
      expect(row.hash).toBe(chainHash(prevHash, Number(row.seq), row.record));
      prevHash = row.hash;
    }
    const index = await db.asSuperuser<{ n: string }>('SELECT count(*) AS n FROM passerelle_audit.record_usager');
    expect(Number(index.rows[0]!.n)).toBe(500);
  });

  it('resumes a writer after a crash, sealing what the previous run left unsealed, and refuses a second process with the same writer id', async () => {
    const db = await databases!.fresh();
    const { lines, logger } = recordingLogger();
    const first = await createPostgresAuditJournal({ connectionString: db.url('writer'), writerId: 'gw-1', sealKey, sealEvery: 4, logger });
    await Promise.all(Array.from({ length: 6 }, (_, index) => first.append(makeRecord(index + 1))));
    await expect(createPostgresAuditJournal({ connectionString: db.url('writer'), writerId: 'gw-1', sealKey })).rejects.toThrow(
      /^The audit writer id gw-1 is in use by another process on postgres:\/\/gateway_app@127\.0\.0\.1:\d+\/audit_\d+: give each gateway process its own AUDIT_WRITER_ID\.$/,
    );
    // The process dies: its connection goes, and records 5 and 6 stay unsealed.
    await db.asSuperuser("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'passerelle-audit gw-1'");
    // It notices while idle (the connection's error, logged), before anything else is written.
    for (let tries = 0; (await first.writable()) && tries < 500; tries += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(first.append(makeRecord(7))).rejects.toThrow();
    // Gone for good: closed while stopped, it seals nothing and will not reconnect (createPostgresAuditJournal.ts).
    await first.close().catch(() => undefined);
    expect((await verify(db)).writers[0]!.problems).toEqual([{ writer: 'gw-1', seq: 5, kind: 'non-scelle', detail: '2 record(s) from seq 5 on, after the last seal: not yet provably authentic' }]);

    const second = await createPostgresAuditJournal({ connectionString: db.url('writer'), writerId: 'gw-1', sealKey, sealEvery: 4, logger });
    await second.append(makeRecord(8));
    await second.close();
    const result = await verify(db, true);
    expect(result.writers).toMatchObject([{ writer: 'gw-1', records: 7, seals: 3, problems: [], ok: true }]);
    expect(lines.filter((line) => line.message === 'audit journal reopened with unsealed records (the previous run did not close it)')).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain('writer-password');
    expect(lines.filter((line) => line.level === 'error').map((line) => line.message)).toContain('audit journal connection lost');
  });

  it('gives the application role INSERT and SELECT only; the trigger refuses UPDATE and DELETE even to the owner', async () => {
    const db = await databases!.fresh();
    await writeChain(db, 'gw-a', 3);
    await connectedAs(db.url('writer'), async (client) => {
      await expect(client.query("UPDATE passerelle_audit.record SET time = now() WHERE writer_id = 'gw-a'")).rejects.toThrow('permission denied for table record');
      await expect(client.query("DELETE FROM passerelle_audit.record WHERE writer_id = 'gw-a'")).rejects.toThrow('permission denied for table record');
      await expect(client.query('TRUNCATE passerelle_audit.seal')).rejects.toThrow('permission denied for table seal');
      await expect(client.query("DELETE FROM passerelle_audit.anchor WHERE writer_id = 'gw-a'")).rejects.toThrow('permission denied for table anchor');
    });
    await connectedAs(db.url('reader'), async (client) => {
      await expect(client.query("INSERT INTO passerelle_audit.seal VALUES ('x', 1, 1, 'h', now(), 'h')")).rejects.toThrow('permission denied for table seal');
    });
    await connectedAs(db.url('owner'), async (client) => {
      await expect(client.query("UPDATE passerelle_audit.record SET time = now() WHERE writer_id = 'gw-a'")).rejects.toThrow(
        'passerelle_audit.record: UPDATE refused, the audit journal is append-only',
      );
      await expect(client.query("DELETE FROM passerelle_audit.seal WHERE writer_id = 'gw-a'")).rejects.toThrow('passerelle_audit.seal: DELETE refused, the audit journal is append-only');
      // Idempotent: a second migration changes nothing.
      await expect(migrateAuditDatabase(client)).resolves.toEqual(['001_audit_journal.sql']);
    });
    const privileges = await db.asSuperuser<{ grantee: string; privilege_type: string }>(
      "SELECT grantee, privilege_type FROM information_schema.role_table_grants WHERE table_schema = 'passerelle_audit' AND table_name = 'record' AND grantee <> 'audit_owner' ORDER BY 1, 2",
    );
    expect(privileges.rows.map((row) => `${row.grantee} ${row.privilege_type}`)).toEqual([
      'passerelle_audit_purger DELETE',
      'passerelle_audit_purger SELECT',
      'passerelle_audit_reader SELECT',
      'passerelle_audit_writer INSERT',
      'passerelle_audit_writer SELECT',
    ]);
    expect((await verify(db)).ok).toBe(true);
  });

  describe('detects tampering, writer by writer', () => {
    let db: AuditDatabase;
    beforeEach(async () => {
      db = await databases!.fresh();
      await Promise.all([writeChain(db, 'gw-a', 20, 5), writeChain(db, 'gw-b', 20, 5)]);
    });

    it('a record changed by a superuser', async () => {
      await tamper(db, `UPDATE passerelle_audit.record SET record = jsonb_set(record, '{organisation}', '"MSA12"') WHERE writer_id = 'gw-a' AND seq = 7`);
      const result = await verify(db);
      expect(result.ok).toBe(false);
      expect(result.writers.map((w) => [w.writer, w.ok, w.problems])).toEqual([
        ['gw-a', false, [{ writer: 'gw-a', seq: 7, kind: 'altere', detail: 'record seq 7: its content does not match its hash' }]],
        ['gw-b', true, []],
      ]);
      // A writer refuses to continue a chain whose end does not verify.
      await tamper(db, `UPDATE passerelle_audit.record SET record = jsonb_set(record, '{organisation}', '"MSA12"') WHERE writer_id = 'gw-a' AND seq = 19`);
      await expect(createPostgresAuditJournal({ connectionString: db.url('writer'), writerId: 'gw-a', sealKey })).rejects.toThrow(
        "The audit journal's chain of writer gw-a does not verify at its end; refusing to append to it:\n  - seq 19: altere: record seq 19: its content does not match its hash",
      );
    });

    it('a record deleted in the middle, and its usager index rows', async () => {
      await tamper(db, "DELETE FROM passerelle_audit.record WHERE writer_id = 'gw-b' AND seq = 12; DELETE FROM passerelle_audit.record_usager WHERE writer_id = 'gw-b' AND seq = 12");
      const result = await verify(db);
      expect(result.writers[1]!.problems).toEqual([{ writer: 'gw-b', seq: 13, kind: 'supprime', detail: 'record seq 12 is missing before record seq 13' }]);
      expect(result.writers[0]!.ok).toBe(true);
    });

    it('two records whose seq were swapped', async () => {
      await tamper(
        db,
        "UPDATE passerelle_audit.record SET seq = 1000 WHERE writer_id = 'gw-a' AND seq = 3; UPDATE passerelle_audit.record SET seq = 3 WHERE writer_id = 'gw-a' AND seq = 4; UPDATE passerelle_audit.record SET seq = 4 WHERE writer_id = 'gw-a' AND seq = 1000",
      );
      expect((await verify(db)).writers[0]!.problems).toEqual([
        { writer: 'gw-a', seq: 3, kind: 'reordonne', detail: 'record stored as seq 3 was written as seq 4: records were moved or swapped' },
        { writer: 'gw-a', seq: 3, kind: 'altere', detail: "record seq 3: the usager index does not list exactly the record's usagers" },
        { writer: 'gw-a', seq: 4, kind: 'reordonne', detail: 'record stored as seq 4 was written as seq 3: records were moved or swapped' },
        { writer: 'gw-a', seq: 4, kind: 'altere', detail: "record seq 4: the usager index does not list exactly the record's usagers" },
      ]);
    });

    it('a record rewritten with its hash and every later one recomputed: the next seal no longer matches', async () => {
      const { rows } = await db.asSuperuser<{ seq: string; record: Record<string, unknown>; prev_hash: string }>(
        "SELECT seq, record, prev_hash FROM passerelle_audit.record WHERE writer_id = 'gw-a' AND seq >= 8 ORDER BY seq",
      );
      let prev = rows[0]!.prev_hash;
      for (const row of rows) {
        const record = Number(row.seq) === 8 ? { ...row.record, finalite: 'instruction' } : row.record;
        const hash = chainHash(prev, Number(row.seq), record);
        await tamper(db, "UPDATE passerelle_audit.record SET record = $1, prev_hash = $2, hash = $3 WHERE writer_id = 'gw-a' AND seq = $4", [JSON.stringify(record), prev, hash, row.seq]);
        prev = hash;
      }
      expect((await verify(db)).writers[0]!.problems.map((p) => [p.seq, p.kind, p.detail])).toEqual([
        [10, 'sceau-invalide', 'seal no 2 does not match record seq 10: that record or an earlier one was rewritten'],
        [15, 'sceau-invalide', 'seal no 3 does not match record seq 15: that record or an earlier one was rewritten'],
        [20, 'sceau-invalide', 'seal no 4 does not match record seq 20: that record or an earlier one was rewritten'],
      ]);
    });

    it('a seal removed, and a usager index row removed (an access hidden from the usager)', async () => {
      await tamper(db, "DELETE FROM passerelle_audit.seal WHERE writer_id = 'gw-b' AND numero = 2; DELETE FROM passerelle_audit.record_usager WHERE writer_id = 'gw-b' AND seq = 3");
      expect((await verify(db)).writers[1]!.problems).toEqual([
        { writer: 'gw-b', seq: 3, kind: 'altere', detail: "record seq 3: the usager index does not list exactly the record's usagers" },
        { writer: 'gw-b', seq: 15, kind: 'supprime', detail: 'seal no 2 is missing before seal no 3' },
      ]);
    });
  });
});
