import { parseArgs } from 'node:util';
import { auditSinkEnv, readConfig, redactedDatabaseUrl } from '@passerelle/subgraph-kit';
import { migrateAuditDatabase } from '../audit/postgres/migrateAuditDatabase';
import type { CliOutput } from './CliOutput';
import { usageErrorMessage, UsageError } from './parseAuditCliArgs';
import { withAuditDatabase } from './withAuditDatabase';

const usage = `Usage: AUDIT_DATABASE_URL=postgres://owner:…@host:port/database npm run audit:migrate
Creates or updates the PostgreSQL audit journal's schema (gateway/sql/*.sql, idempotent): tables,
the usager index, the roles passerelle_audit_writer (the gateways: INSERT and SELECT only),
passerelle_audit_reader (the journal subgraph, audit:verify) and passerelle_audit_purger
(audit:purge), and the append-only trigger. Run it as the database's owner; then grant each
login role its group (docs/security.md, "The audit journal").
Exit status: 0 done, 1 failed, 2 bad usage or configuration.
`;

/** `npm run audit:migrate`: applies the audit database's SQL files; returns the exit status. */
export async function runAuditMigrate(args: readonly string[], env: NodeJS.ProcessEnv, output: CliOutput): Promise<number> {
  let url: string;
  try {
    const { values } = (() => {
      try {
        return parseArgs({ args: [...args], options: { help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
      } catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
      }
    })();
    if (values.help === true) {
      output.stdout(usage);
      return 0;
    }
    url = readConfig({ auditDatabaseUrl: auditSinkEnv().auditDatabaseUrl }, env).auditDatabaseUrl;
    if (url === '') throw new UsageError('AUDIT_DATABASE_URL: required (the audit database, as its owner)');
  } catch (error) {
    const message = usageErrorMessage(error);
    if (message === null) throw error;
    output.stderr(`${message}\n\n${usage}`);
    return 2;
  }
  try {
    const files = await withAuditDatabase(url, (client) => migrateAuditDatabase(client));
    output.stdout(`Audit database: PostgreSQL ${redactedDatabaseUrl(url)}\nApplied: ${files.join(', ')}\n`);
    return 0;
  } catch (error) {
    output.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
