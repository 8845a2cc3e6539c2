import { processOutput } from './CliOutput';
import { runAuditPurge } from './runAuditPurge';

/** `npm run audit:purge` (see runAuditPurge). */
runAuditPurge(process.argv.slice(2), process.env, processOutput).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`audit:purge failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
