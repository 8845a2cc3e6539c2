import { processOutput } from './CliOutput';
import { runAuditVerify } from './runAuditVerify';

/** `npm run audit:verify` (see runAuditVerify). */
runAuditVerify(process.argv.slice(2), process.env, processOutput).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`audit:verify failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
