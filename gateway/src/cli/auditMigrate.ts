import { processOutput } from './CliOutput';
import { runAuditMigrate } from './runAuditMigrate';

/** `npm run audit:migrate` (see runAuditMigrate). */
runAuditMigrate(process.argv.slice(2), process.env, processOutput).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`audit:migrate failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
