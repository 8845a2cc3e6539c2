import { postgresTestsRun } from '@passerelle/mocks';
import { createPostgresAuditJournal } from '../../src/audit/postgres/createPostgresAuditJournal';
import { runAuditMigrate } from '../../src/cli/runAuditMigrate';
import { runAuditPurge } from '../../src/cli/runAuditPurge';
import { runAuditVerify } from '../../src/cli/runAuditVerify';
import { writerCheckpointHmac } from '../../src/audit/postgres/writerCheckpoint';
import { makeRecord, sealKey } from './auditTestKit';
import { useAuditDatabase, type AuditDatabase } from './useAuditDatabase';

const run = postgresTestsRun('postgresAuditCli.test');
const describeWithPostgres = run ? describe : describe.skip;
const databases = run ? useAuditDatabase() : null;

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, output: { stdout: (text: string) => void (out.stdout += text), stderr: (text: string) => void (out.stderr += text) } };
}

const envFor = (db: AuditDatabase, role: 'writer' | 'reader' | 'purger' | 'owner') => ({
  AUDIT_SINK: 'postgres',
  AUDIT_DATABASE_URL: db.url(role),
  AUDIT_SEAL_KEY: sealKey,
  AUDIT_RETENTION_DAYS: '30',
});

/** Records `from`…`to` (record i is i hours after 2025-01-01) as `writerId`, sealed every 10; `close`: sealed at the end too. */
async function write(db: AuditDatabase, writerId: string, from: number, to: number, close = true): Promise<void> {
  const journal = await createPostgresAuditJournal({ connectionString: db.url('writer'), writerId, sealKey, sealEvery: 10 });
  for (let i = from; i <= to; i += 1) await journal.append(makeRecord(i));
  if (close) {
    await journal.close();
    return;
  }
  // Its process gone: the session ends without a seal. The writer notices (not writable), and is
  // then closed before it would reconnect and seal (createPostgresAuditJournal.ts): closing a
  // stopped writer seals nothing, it only ends.
  await db.asSuperuser(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'passerelle-audit ${writerId}'`);
  for (let tries = 0; (await journal.writable()) && tries < 500; tries += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(await journal.writable()).toBe(false);
  await journal.close().catch(() => undefined);
}

describeWithPostgres('npm run audit:verify, audit:purge and audit:migrate with AUDIT_SINK=postgres', () => {
  it('verify reports each writer and exits 0, then 1 naming the writer, seq and kind of a tampered record; the password is never printed', async () => {
    const db = await databases!.fresh();
    await write(db, 'gw-a', 1, 25);
    await write(db, 'gw-b', 1, 12);
    const ok = capture();
    await expect(runAuditVerify([], envFor(db, 'reader'), ok.output)).resolves.toBe(0);
    expect(ok.out.stdout).toBe(
      [
        `Audit journal: PostgreSQL postgres://journal_app@127.0.0.1:${new URL(db.url('reader')).port}/${db.name}`,
        'Writer gw-a: records: 25, seals: 3, problems: 0: verified',
        'Writer gw-b: records: 12, seals: 2, problems: 0: verified',
        'Writers: 2, records: 37, seals: 5, problems: 0',
        'Verified.',
        '',
      ].join('\n'),
    );
    await db.asSuperuser('SET session_replication_role = replica');
    await db.asSuperuser(`UPDATE passerelle_audit.record SET record = jsonb_set(record, '{usagers}', '[]') WHERE writer_id = 'gw-b' AND seq = 4`);
    const tampered = capture();
    await expect(runAuditVerify([], envFor(db, 'reader'), tampered.output)).resolves.toBe(1);
    expect(tampered.out.stdout).toContain(
      [
        'Writer gw-a: records: 25, seals: 3, problems: 0: verified',
        'Writer gw-b: records: 12, seals: 2, problems: 2: NOT VERIFIED',
        '  seq 4: altere: record seq 4: its content does not match its hash',
        "  seq 4: altere: record seq 4: the usager index does not list exactly the record's usagers",
        'Writers: 2, records: 37, seals: 5, problems: 2',
        'NOT VERIFIED.',
      ].join('\n'),
    );
    expect(tampered.out.stdout + ok.out.stdout).not.toContain('reader-password');
  });

  it('verify exits 2 when AUDIT_SINK=postgres has no AUDIT_DATABASE_URL, or a malformed one, without echoing it', async () => {
    const missing = capture();
    await expect(runAuditVerify([], { AUDIT_SINK: 'postgres' }, missing.output)).resolves.toBe(2);
    expect(missing.out.stderr).toMatch(/^Invalid configuration:\n {2}- AUDIT_DATABASE_URL: required when AUDIT_SINK=postgres\n/);
    const malformed = capture();
    await expect(runAuditVerify([], { AUDIT_SINK: 'postgres', AUDIT_DATABASE_URL: 'mysql://u:s3cret@h/db' }, malformed.output)).resolves.toBe(2);
    expect(malformed.out.stderr).toMatch(/^Invalid configuration:\n {2}- AUDIT_DATABASE_URL: expected a postgres:\/\/user:password@host:port\/database URL\n/);
    expect(malformed.out.stderr).not.toContain('s3cret');
  });

  it('purge removes whole sealed segments older than the retention, writer by writer, seals a gone writer’s old tail, and the rest verifies from the anchor', async () => {
    const db = await databases!.fresh();
    await write(db, 'gw-a', 1, 25); // sealed at 10, 20, 25
    await write(db, 'gw-b', 1, 14, false); // sealed at 10; 11–14 unsealed, its process gone
    // 2025-01-01 + 12 h + 30 days: records 1–12 are older than the retention.
    const now = () => new Date(Date.parse('2025-01-01T00:00:00.000Z') + 12.5 * 3_600_000 + 30 * 24 * 3_600_000);
    const purge = capture();
    await expect(runAuditPurge([], envFor(db, 'purger'), purge.output, now)).resolves.toBe(0);
    expect(purge.out.stdout.split('\n').slice(1)).toEqual([
      'Retention 30 days: records older than 2025-01-01T12:30:00.000Z',
      'Writer gw-a: removed 10 record(s), kept 15.',
      'Writer gw-b: removed 10 record(s), kept 4.',
      '',
    ]);
    const verify = capture();
    await expect(runAuditVerify([], envFor(db, 'reader'), verify.output)).resolves.toBe(0);
    expect(verify.out.stdout).toContain('Writer gw-a: records: 15, seals: 2, purged before: 10, problems: 0: verified');
    expect(verify.out.stdout).toContain('Writer gw-b: records: 4, seals: 0, purged before: 10, problems: 1: verified');
    expect(verify.out.stdout).toContain('  seq 11: non-scelle: 4 record(s) from seq 11 on, after the last seal: not yet provably authentic');

    // A year later, everything is older: gw-b is gone, so its tail is sealed, then purged with the rest.
    const later = () => new Date(Date.parse('2026-01-01T00:00:00.000Z'));
    const again = capture();
    await expect(runAuditPurge([], envFor(db, 'purger'), again.output, later)).resolves.toBe(0);
    expect(again.out.stdout).toContain('Writer gw-a: removed 15 record(s), kept 0.\nWriter gw-b: removed 4 record(s), kept 0 (the writer is gone: its last records were sealed first).');
    const index = await db.asSuperuser<{ n: string }>('SELECT count(*) AS n FROM passerelle_audit.record_usager');
    expect(index.rows[0]!.n).toBe('0');
    // gw-a starts again and continues its chain after the anchor.
    await write(db, 'gw-a', 26, 27);
    const last = capture();
    await expect(runAuditVerify(['--strict'], envFor(db, 'reader'), last.output)).resolves.toBe(0);
    expect(last.out.stdout).toContain('Writer gw-a: records: 2, seals: 1, purged before: 25, problems: 0: verified');
  });

  it('rotates AUDIT_SEAL_KEY: a writer reopened with the old key in AUDIT_SEAL_KEYS_PREVIOUS continues its chain under the new one; verify counts each key and fails without the old one; purge anchors with the new key', async () => {
    const db = await databases!.fresh();
    const newKey = 'test-audit-seal-key-after-rotation-0123456789';
    const rotated = { AUDIT_SEAL_KEY: newKey, AUDIT_SEAL_KEYS_PREVIOUS: sealKey };
    await write(db, 'gw-a', 1, 25); // sealed with the old key: seals no 1–3 at seq 10, 20, 25
    await expect(createPostgresAuditJournal({ connectionString: db.url('writer'), writerId: 'gw-a', sealKey: newKey })).rejects.toThrow(
      [
        "The audit journal's chain of writer gw-a does not verify at its end; refusing to append to it:",
        '  - seq 20: sceau-invalide: seal no 2: its HMAC does not verify (forged, altered or made with another key)',
        '  - seq 25: sceau-invalide: seal no 3: its HMAC does not verify (forged, altered or made with another key)',
        'If AUDIT_SEAL_KEY was changed, give the key it replaced in AUDIT_SEAL_KEYS_PREVIOUS (docs/operations.md, "Keys and their rotation").',
      ].join('\n'),
    );
    const journal = await createPostgresAuditJournal({ connectionString: db.url('writer'), writerId: 'gw-a', sealKey: { current: newKey, previous: [sealKey] }, sealEvery: 10 });
    for (let i = 26; i <= 40; i += 1) await journal.append(makeRecord(i));
    await journal.close(); // seals no 4–5 at seq 35, 40, with the new key
    const database = `Audit journal: PostgreSQL postgres://journal_app@127.0.0.1:${new URL(db.url('reader')).port}/${db.name}`;

    const both = capture();
    await expect(runAuditVerify(['--strict'], { ...envFor(db, 'reader'), ...rotated }, both.output)).resolves.toBe(0);
    expect(both.out.stdout).toBe(
      [
        database,
        'Writer gw-a: records: 40, seals: 5, sealed with AUDIT_SEAL_KEY: 2, with AUDIT_SEAL_KEYS_PREVIOUS: 3, problems: 0: verified',
        'Writers: 1, records: 40, seals: 5, sealed with AUDIT_SEAL_KEY: 2, with AUDIT_SEAL_KEYS_PREVIOUS: 3, problems: 0',
        'Verified.',
        '',
      ].join('\n'),
    );
    const newOnly = capture();
    await expect(runAuditVerify([], { ...envFor(db, 'reader'), AUDIT_SEAL_KEY: newKey }, newOnly.output)).resolves.toBe(1);
    const invalid = (seq: number, numero: number) => `  seq ${seq}: sceau-invalide: seal no ${numero}: its HMAC does not verify (forged, altered or made with another key)`;
    expect(newOnly.out.stdout).toBe(
      [
        database,
        'Writer gw-a: records: 40, seals: 5, problems: 3: NOT VERIFIED',
        invalid(10, 1),
        invalid(20, 2),
        invalid(25, 3),
        'Writers: 1, records: 40, seals: 5, problems: 3',
        'NOT VERIFIED.',
        '',
      ].join('\n'),
    );

    // Thirty days after record 26: the segment the old key sealed goes, the anchor is made with the new key.
    const now = () => new Date(Date.parse(makeRecord(26).time) + 30 * 24 * 3_600_000);
    const purge = capture();
    await expect(runAuditPurge([], { ...envFor(db, 'purger'), ...rotated }, purge.output, now)).resolves.toBe(0);
    expect(purge.out.stdout).toContain('Writer gw-a: removed 25 record(s), kept 15.');
    const after = capture();
    await expect(runAuditVerify(['--strict'], { ...envFor(db, 'reader'), ...rotated }, after.output)).resolves.toBe(0);
    expect(after.out.stdout.split('\n').slice(1)).toEqual([
      'Writer gw-a: records: 15, seals: 2, purged before: 25, sealed with AUDIT_SEAL_KEY: 3, with AUDIT_SEAL_KEYS_PREVIOUS: 0, problems: 0: verified',
      'Writers: 1, records: 15, seals: 2, sealed with AUDIT_SEAL_KEY: 3, with AUDIT_SEAL_KEYS_PREVIOUS: 0, problems: 0',
      'Verified.',
      'No seal or anchor left was made with AUDIT_SEAL_KEYS_PREVIOUS: this journal no longer needs them.',
      '',
    ]);
    const withoutOld = capture();
    await expect(runAuditVerify(['--strict'], { ...envFor(db, 'reader'), AUDIT_SEAL_KEY: newKey }, withoutOld.output)).resolves.toBe(0);

    // Whoever holds the old key cannot seal after the new key did: seal no 5 re-made with the old key is refused.
    const { rows } = await db.asSuperuser<{ seq: string; hash: string; time: Date }>("SELECT seq, hash, time FROM passerelle_audit.seal WHERE writer_id = 'gw-a' AND numero = 5");
    const fields = { type: 'sceau' as const, writer: 'gw-a', seq: Number(rows[0]!.seq), hash: rows[0]!.hash, time: rows[0]!.time.toISOString(), numero: 5 };
    await db.asSuperuser('SET session_replication_role = replica');
    await db.asSuperuser("UPDATE passerelle_audit.seal SET hmac = $1 WHERE writer_id = 'gw-a' AND numero = 5", [writerCheckpointHmac(sealKey, fields)]);
    const forged = capture();
    await expect(runAuditVerify([], { ...envFor(db, 'reader'), ...rotated }, forged.output)).resolves.toBe(1);
    expect(forged.out.stdout).toContain(
      [
        'Writer gw-a: records: 15, seals: 2, purged before: 25, sealed with AUDIT_SEAL_KEY: 2, with AUDIT_SEAL_KEYS_PREVIOUS: 0, problems: 2: NOT VERIFIED',
        '  seq 36: non-scelle: 5 record(s) from seq 36 on, after the last seal: not yet provably authentic',
        '  seq 40: sceau-invalide: seal no 5: made with a previous seal key after seal no 4 was made with the current one (a replaced key seals nothing new)',
      ].join('\n'),
    );
  });

  it('purge refuses a chain that does not verify and leaves it as it is, and the application role cannot purge', async () => {
    const db = await databases!.fresh();
    await write(db, 'gw-a', 1, 25);
    await db.asSuperuser('SET session_replication_role = replica');
    await db.asSuperuser("DELETE FROM passerelle_audit.record WHERE writer_id = 'gw-a' AND seq = 5");
    const refused = capture();
    await expect(runAuditPurge([], envFor(db, 'purger'), refused.output, () => new Date('2026-06-01T00:00:00.000Z'))).resolves.toBe(1);
    expect(refused.out.stderr).toContain(
      'Writer gw-a: NOT PURGED, the chain does not verify; refusing to purge it:\n  - seq 5: supprime: the usager index lists record seq 5, which is missing\n  - seq 6: supprime: record seq 5 is missing before record seq 6\n',
    );
    const count = await db.asSuperuser<{ n: string }>('SELECT count(*) AS n FROM passerelle_audit.record');
    expect(count.rows[0]!.n).toBe('24');

    const intact = await databases!.fresh();
    await write(intact, 'gw-a', 1, 25);
    const asWriter = capture();
    await expect(runAuditPurge([], envFor(intact, 'writer'), asWriter.output, () => new Date('2026-06-01T00:00:00.000Z'))).resolves.toBe(1);
    expect(asWriter.out.stderr).toBe('permission denied for table record_usager\n');
  });

  it('migrate applies the SQL files as the owner, again without change, and exits 2 without AUDIT_DATABASE_URL', async () => {
    const db = await databases!.fresh();
    const first = capture();
    await expect(runAuditMigrate([], { AUDIT_DATABASE_URL: db.url('owner') }, first.output)).resolves.toBe(0);
    expect(first.out.stdout).toBe(`Audit database: PostgreSQL postgres://audit_owner@127.0.0.1:${new URL(db.url('owner')).port}/${db.name}\nApplied: 001_audit_journal.sql\n`);
    const missing = capture();
    await expect(runAuditMigrate([], {}, missing.output)).resolves.toBe(2);
    expect(missing.out.stderr).toMatch(/^AUDIT_DATABASE_URL: required \(the audit database, as its owner\)\n\nUsage: /);
    const asWriter = capture();
    await expect(runAuditMigrate([], { AUDIT_DATABASE_URL: db.url('writer') }, asWriter.output)).resolves.toBe(1);
    expect(asWriter.out.stderr).toMatch(/permission denied/);
  });
});
