import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ClientBase } from 'pg';

/** The audit database's SQL files (gateway/sql), applied in name order. */
export const auditSqlDirectory = path.resolve(__dirname, '../../../sql');

/** One migration at a time, whichever machine runs it. */
const migrationLockKey = '7379184230133510001';

/**
 * Applies every file of `auditSqlDirectory`, in name order, in one transaction: tables, index,
 * roles without login and their grants, the append-only trigger. Each file is idempotent, so
 * running it again (every deployment may) changes nothing. Needs the owner of the database (or a
 * role that may create schemas and roles). Returns the files applied.
 */
export async function migrateAuditDatabase(client: ClientBase, directory = auditSqlDirectory): Promise<string[]> {
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [migrationLockKey]);
    for (const file of files) await client.query(readFileSync(path.join(directory, file), 'utf8'));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return files;
}
