import { verifyJournal } from '../audit/verifyJournal';
import type { CliOutput } from './CliOutput';
import { auditCliContextOrExit } from './parseAuditCliArgs';

const usage = `Usage: npm run audit:verify -- [--file <journal.jsonl>] [--strict]
Verifies the audit journal (default AUDIT_JOURNAL_PATH) with AUDIT_SEAL_KEY.
  --file <path>  another journal file
  --strict       records after the last seal fail the verification too
Exit status: 0 verified, 1 not verified, 2 bad usage or configuration.
`;

/** `npm run audit:verify`: prints counts and each problem (line, kind); returns the exit status. */
export async function runAuditVerify(args: readonly string[], env: NodeJS.ProcessEnv, output: CliOutput): Promise<number> {
  const context = auditCliContextOrExit(args, env, true, usage, output);
  if (typeof context === 'number') return context;
  let result: Awaited<ReturnType<typeof verifyJournal>>;
  try {
    result = await verifyJournal(context.file, context.config.auditSealKey, { strict: context.strict });
  } catch (error) {
    output.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const lines = [
    `Audit journal: ${context.file}`,
    `Records: ${result.records}, seals: ${result.seals}, problems: ${result.problems.length}`,
    ...result.problems.map((problem) => `  line ${problem.line}: ${problem.kind}: ${problem.detail}`),
    result.ok ? `Verified${result.problems.length > 0 ? ' (records after the last seal are not yet provably authentic)' : ''}.` : `NOT VERIFIED${context.strict ? ' (strict)' : ''}.`,
  ];
  output.stdout(`${lines.join('\n')}\n`);
  return result.ok ? 0 : 1;
}
