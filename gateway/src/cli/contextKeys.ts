import { processOutput } from './CliOutput';
import { runContextKeys } from './runContextKeys';

/** `npm run context-keys` (see runContextKeys). */
try {
  process.exitCode = runContextKeys(process.argv.slice(2), processOutput);
} catch (error) {
  process.stderr.write(`context-keys failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
