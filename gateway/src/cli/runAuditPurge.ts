import { purgeJournal } from '../audit/purgeJournal';
import type { CliOutput } from './CliOutput';
import { auditCliContextOrExit } from './parseAuditCliArgs';

const usage = `Usage: npm run audit:purge -- [--file <journal.jsonl>]
Removes the audit records older than AUDIT_RETENTION_DAYS days and anchors the rest (the journal
must verify, and must not be open: stop the gateway first).
Exit status: 0 done, 1 refused or failed, 2 bad usage or configuration.
`;

const dayMs = 24 * 60 * 60 * 1000;

/** `npm run audit:purge`: applies the retention to the journal; returns the exit status. */
export async function runAuditPurge(args: readonly string[], env: NodeJS.ProcessEnv, output: CliOutput, now: () => Date = () => new Date()): Promise<number> {
  const context = auditCliContextOrExit(args, env, false, usage, output);
  if (typeof context === 'number') return context;
  const olderThan = new Date(now().getTime() - context.config.auditRetentionDays * dayMs);
  try {
    const { purged, kept } = await purgeJournal(context.file, context.config.auditSealKey, { olderThan, now });
    output.stdout(`Audit journal: ${context.file}\nRetention ${context.config.auditRetentionDays} days: removed ${purged} record(s) older than ${olderThan.toISOString()}, kept ${kept}.\n`);
    return 0;
  } catch (error) {
    output.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
