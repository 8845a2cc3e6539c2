import { processOutput } from './CliOutput';
import { runContextKeys } from './runContextKeys';

/** `npm run context-keys` (see runContextKeys). */
runContextKeys(process.argv.slice(2), processOutput).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`context-keys failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
