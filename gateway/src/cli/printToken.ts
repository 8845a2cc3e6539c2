import { processOutput } from './CliOutput';
import { runPrintToken } from './runPrintToken';

/** `npm run token` (see runPrintToken). */
runPrintToken(process.argv.slice(2), process.env, processOutput).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`token failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
