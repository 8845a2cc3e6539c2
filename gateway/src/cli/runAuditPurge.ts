import { redactedDatabaseUrl } from '@passerelle/subgraph-kit';
import { purgePostgresJournal } from '../audit/postgres/purgePostgresJournal';
import { purgeJournal } from '../audit/purgeJournal';
import type { CliOutput } from './CliOutput';
import { auditCliContextOrExit } from './parseAuditCliArgs';
import { withAuditDatabase } from './withAuditDatabase';

const usage = `Usage: npm run audit:purge -- [--file <journal.jsonl>]
Removes the audit records older than AUDIT_RETENTION_DAYS days and anchors the rest. The file
journal must verify and must not be open (stop the gateway first). With AUDIT_SINK=postgres
(AUDIT_DATABASE_URL: a member of passerelle_audit_purger), each writer's chain that verifies loses
its whole sealed segments older than that, while the gateways keep writing.
Exit status: 0 done, 1 refused or failed, 2 bad usage or configuration.
`;

const dayMs = 24 * 60 * 60 * 1000;

/** `npm run audit:purge`: applies the retention to the journal; returns the exit status. */
export async function runAuditPurge(args: readonly string[], env: NodeJS.ProcessEnv, output: CliOutput, now: () => Date = () => new Date()): Promise<number> {
  const context = auditCliContextOrExit(args, env, false, usage, output);
  if (typeof context === 'number') return context;
  const olderThan = new Date(now().getTime() - context.config.auditRetentionDays * dayMs);
  const retention = `Retention ${context.config.auditRetentionDays} days: records older than ${olderThan.toISOString()}`;
  try {
    if (context.sink === 'postgres') {
      const results = await withAuditDatabase(context.config.auditDatabaseUrl, (client) => purgePostgresJournal(client, context.sealKeys, { olderThan, now }));
      const lines = [
        `Audit journal: PostgreSQL ${redactedDatabaseUrl(context.config.auditDatabaseUrl)}`,
        retention,
        ...results.map((r) =>
          r.refused === null
            ? `Writer ${r.writer}: removed ${r.purged} record(s), kept ${r.kept}${r.sealedTail ? ' (the writer is gone: its last records were sealed first)' : ''}.`
            : `Writer ${r.writer}: NOT PURGED, ${r.refused}`,
        ),
      ];
      const refused = results.filter((r) => r.refused !== null);
      if (refused.length > 0) output.stderr(`${lines.join('\n')}\n`);
      else output.stdout(`${lines.join('\n')}\n`);
      return refused.length > 0 ? 1 : 0;
    }
    const { purged, kept } = await purgeJournal(context.file, context.sealKeys, { olderThan, now });
    output.stdout(`Audit journal: ${context.file}\nRetention ${context.config.auditRetentionDays} days: removed ${purged} record(s) older than ${olderThan.toISOString()}, kept ${kept}.\n`);
    return 0;
  } catch (error) {
    output.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
