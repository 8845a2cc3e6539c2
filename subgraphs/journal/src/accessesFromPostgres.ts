import pg from 'pg';
import type { Finalite, Logger, Role } from '@passerelle/subgraph-kit';
import type { UsagerAccess } from '@passerelle/subgraph-kit/audit';

/**
 * A usager's newest accesses, by the usager index (gateway/sql/001_audit_journal.sql:
 * record_usager's primary key (usager_id, time, writer_id, seq), scanned backwards), each joined
 * to its record by (writer_id, seq): what is shown comes from the hash-chained record, which
 * `audit:verify` checks, never from the index alone.
 */
export const accessesForUsagerSql = `SELECT r.record->>'time' AS date, r.record->>'organisation' AS organisation, r.record->'roles' AS roles, r.record->>'finalite' AS finalite
FROM passerelle_audit.record_usager u
JOIN passerelle_audit.record r ON r.writer_id = u.writer_id AND r.seq = u.seq
WHERE u.usager_id = $1
ORDER BY u.time DESC, u.writer_id DESC, u.seq DESC
LIMIT $2`;

/** Reads a usager's accesses from the PostgreSQL audit journal. */
export type AccessReader = (usagerId: string, limit: number) => Promise<UsagerAccess[]>;

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/**
 * The journal subgraph's reader of the PostgreSQL audit journal (AUDIT_SINK=postgres): a small
 * pool on AUDIT_DATABASE_URL (a member of passerelle_audit_reader, SELECT only), whose idle
 * connections close by themselves so that they never keep the process alive.
 */
export function accessesFromPostgres(connectionString: string, logger: Logger): AccessReader {
  const pool = new pg.Pool({ connectionString, max: 4, idleTimeoutMillis: 5000, allowExitOnIdle: true, application_name: 'passerelle-journal' });
  // An idle connection dropped by the server: the next query opens another one.
  pool.on('error', (error) => logger.warn('audit database connection lost', { reason: error.message }));
  return async (usagerId, limit) => {
    const { rows } = await pool.query<{ date: string; organisation: string; roles: unknown; finalite: string }>(accessesForUsagerSql, [usagerId, limit]);
    return rows.map((row) => ({ date: row.date, organisation: row.organisation, roles: strings(row.roles) as Role[], finalite: row.finalite as Finalite }));
  };
}
