import pg from 'pg';

/** Runs `work` on one connection to AUDIT_DATABASE_URL, closed afterwards whatever happens. */
export async function withAuditDatabase<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString, application_name: 'passerelle-audit-cli' });
  // A connection lost between queries makes the next query fail: that is where it is reported.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
