import pg from 'pg';
import { startThrowawayPostgres, type ThrowawayPostgres } from '@passerelle/mocks';
import { migrateAuditDatabase } from '../../src/audit/postgres/migrateAuditDatabase';

/** The login roles of the tests, each a member of one of the migration's group roles. */
export const loginRoles = {
  owner: { user: 'audit_owner', password: 'owner-password' },
  writer: { user: 'gateway_app', password: 'writer-password' },
  reader: { user: 'journal_app', password: 'reader-password' },
  purger: { user: 'audit_purge', password: 'purger-password' },
} as const;

/** URLs of one fresh audit database, migrated, per role. */
export interface AuditDatabase {
  name: string;
  url(role: keyof typeof loginRoles | 'superuser'): string;
  /** Runs SQL as the superuser on this database. */
  asSuperuser<T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<pg.QueryResult<T>>;
}

/**
 * A throwaway PostgreSQL cluster for the test file (started before its tests, removed after)
 * with the login roles, and `fresh()`: a new database migrated by its owner, as an operator
 * would (`npm run audit:migrate`), so that each test starts from an empty journal.
 */
export function useAuditDatabase(): { fresh(): Promise<AuditDatabase> } {
  let server: ThrowawayPostgres | null = null;
  const clients: pg.Client[] = [];
  let created = 0;
  beforeAll(async () => {
    server = await startThrowawayPostgres();
    const admin = new pg.Client({ connectionString: server.url() });
    await admin.connect();
    await admin.query(`CREATE ROLE ${loginRoles.owner.user} LOGIN CREATEROLE PASSWORD '${loginRoles.owner.password}'`);
    await admin.end();
  }, 120_000);
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
    server?.stop();
  });
  return {
    async fresh() {
      if (server === null) throw new Error('the test PostgreSQL server did not start');
      const running = server;
      created += 1;
      const name = `audit_${created}`;
      const superuser = new pg.Client({ connectionString: running.url() });
      await superuser.connect();
      await superuser.query(`CREATE DATABASE ${name} OWNER ${loginRoles.owner.user}`);
      await superuser.end();
      const url = (role: keyof typeof loginRoles | 'superuser') => (role === 'superuser' ? running.url(name) : running.url(name, loginRoles[role].user, loginRoles[role].password));
      const owner = new pg.Client({ connectionString: url('owner') });
      await owner.connect();
      await migrateAuditDatabase(owner);
      // Login roles are the cluster's: created once, by the first migration's groups.
      for (const [role, group] of [
        ['writer', 'passerelle_audit_writer'],
        ['reader', 'passerelle_audit_reader'],
        ['purger', 'passerelle_audit_purger'],
      ] as const) {
        const { user, password } = loginRoles[role];
        const exists = await owner.query('SELECT FROM pg_roles WHERE rolname = $1', [user]);
        if (exists.rowCount === 0) await owner.query(`CREATE ROLE ${user} LOGIN PASSWORD '${password}' IN ROLE ${group}`);
      }
      await owner.end();
      const admin = new pg.Client({ connectionString: url('superuser') });
      await admin.connect();
      clients.push(admin);
      return { name, url, asSuperuser: (sql, values) => admin.query(sql, values) };
    },
  };
}

/** Runs `work` on a connection as `url`'s role, closed afterwards. */
export async function connectedAs<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
