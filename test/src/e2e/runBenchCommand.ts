import { execFile } from 'node:child_process';
import path from 'node:path';

/**
 * Runs a bench command as its npm script does (`test/src/bench/<script>.ts` under tsx), in its
 * own process: its exit status and output.
 */
export function runBenchCommand(script: 'runBench' | 'runCriticalPath', args: readonly string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const file = path.resolve(__dirname, '../bench', `${script}.ts`);
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', file, ...args], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ status: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}
