import { execFile } from 'node:child_process';
import path from 'node:path';

const repositoryRoot = path.resolve(__dirname, '../../..');

/**
 * Runs an audit command as `npm run audit:<name>` does (`gateway/src/cli/audit<Name>.ts` under
 * tsx), in its own process with only `env` (and PATH): its exit status and output.
 */
export function runAuditCli(name: 'verify' | 'purge' | 'migrate', args: string[], env: Record<string, string>): Promise<{ status: number; stdout: string; stderr: string }> {
  const script = path.join(repositoryRoot, 'gateway/src/cli', `audit${name[0]!.toUpperCase()}${name.slice(1)}.ts`);
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repositoryRoot, env: { PATH: process.env.PATH, ...env } }, (error, stdout, stderr) => {
      resolve({ status: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}
