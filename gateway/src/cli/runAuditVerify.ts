import { redactedDatabaseUrl } from '@passerelle/subgraph-kit';
import { verifyPostgresJournal, type PostgresJournalVerification } from '../audit/postgres/verifyPostgresJournal';
import type { SealKeyCounts } from '../audit/SealKeys';
import { verifyJournal } from '../audit/verifyJournal';
import type { CliOutput } from './CliOutput';
import { auditCliContextOrExit, type AuditCliContext } from './parseAuditCliArgs';
import { withAuditDatabase } from './withAuditDatabase';

const usage = `Usage: npm run audit:verify -- [--file <journal.jsonl>] [--strict]
Verifies the audit journal with AUDIT_SEAL_KEY: the file AUDIT_JOURNAL_PATH, or with
AUDIT_SINK=postgres the database AUDIT_DATABASE_URL (every writer's chain, each on its own).
With AUDIT_SEAL_KEYS_PREVIOUS, the seals those keys made verify too, and the report counts the
seals and anchors made with each (once none is made with them, the journal no longer needs them).
  --file <path>  another journal file
  --strict       records after the last seal fail the verification too
Exit status: 0 verified, 1 not verified, 2 bad usage or configuration.
`;

const verdict = (ok: boolean, warnings: boolean, strict: boolean) =>
  ok ? `Verified${warnings ? ' (records after the last seal are not yet provably authentic)' : ''}.` : `NOT VERIFIED${strict ? ' (strict)' : ''}.`;

/**
 * With previous keys only (without them, the report stays as it was): how many seals and anchors
 * each key made, counts only, so that an operator sees when a previous key is no longer needed.
 */
const keyCounts = (context: AuditCliContext, counts: SealKeyCounts) =>
  context.sealKeys.previous.length === 0 ? '' : `, sealed with AUDIT_SEAL_KEY: ${counts.current}, with AUDIT_SEAL_KEYS_PREVIOUS: ${counts.previous}`;

/** The operator's cue to drop the previous keys: the journal verifies and none of its seals needs them. */
const previousKeysUnused = (context: AuditCliContext, ok: boolean, counts: SealKeyCounts) =>
  context.sealKeys.previous.length > 0 && ok && counts.previous === 0 ? ['No seal or anchor left was made with AUDIT_SEAL_KEYS_PREVIOUS: this journal no longer needs them.'] : [];

/** The report of a PostgreSQL journal: one paragraph per writer, then the totals. */
function postgresReport(context: AuditCliContext, result: PostgresJournalVerification): string[] {
  const problems = result.writers.reduce((sum, writer) => sum + writer.problems.length, 0);
  return [
    `Audit journal: PostgreSQL ${redactedDatabaseUrl(context.config.auditDatabaseUrl)}`,
    ...result.writers.flatMap((writer) => [
      `Writer ${writer.writer}: records: ${writer.records}, seals: ${writer.seals}${writer.purged > 0 ? `, purged before: ${writer.purged}` : ''}${keyCounts(context, writer.sealedWith)}, problems: ${writer.problems.length}: ${writer.ok ? 'verified' : 'NOT VERIFIED'}`,
      ...writer.problems.map((problem) => `  ${problem.seq === null ? '' : `seq ${problem.seq}: `}${problem.kind}: ${problem.detail}`),
    ]),
    `Writers: ${result.writers.length}, records: ${result.records}, seals: ${result.seals}${keyCounts(context, result.sealedWith)}, problems: ${problems}`,
    verdict(result.ok, problems > 0, context.strict),
    ...previousKeysUnused(context, result.ok, result.sealedWith),
  ];
}

/** `npm run audit:verify`: prints counts and each problem (line or writer and seq, kind); returns the exit status. */
export async function runAuditVerify(args: readonly string[], env: NodeJS.ProcessEnv, output: CliOutput): Promise<number> {
  const context = auditCliContextOrExit(args, env, true, usage, output);
  if (typeof context === 'number') return context;
  if (context.sink === 'postgres') {
    let result: PostgresJournalVerification;
    try {
      result = await withAuditDatabase(context.config.auditDatabaseUrl, (client) => verifyPostgresJournal(client, context.sealKeys, { strict: context.strict }));
    } catch (error) {
      output.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    output.stdout(`${postgresReport(context, result).join('\n')}\n`);
    return result.ok ? 0 : 1;
  }
  let result: Awaited<ReturnType<typeof verifyJournal>>;
  try {
    result = await verifyJournal(context.file, context.sealKeys, { strict: context.strict });
  } catch (error) {
    output.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const lines = [
    `Audit journal: ${context.file}`,
    `Records: ${result.records}, seals: ${result.seals}${keyCounts(context, result.sealedWith)}, problems: ${result.problems.length}`,
    ...result.problems.map((problem) => `  line ${problem.line}: ${problem.kind}: ${problem.detail}`),
    verdict(result.ok, result.problems.length > 0, context.strict),
    ...previousKeysUnused(context, result.ok, result.sealedWith),
  ];
  output.stdout(`${lines.join('\n')}\n`);
  return result.ok ? 0 : 1;
}
