import { fork } from 'node:child_process';
import path from 'node:path';
import type { LoadResult } from './benchTypes';
import type { LoadJob, LoadOutcome } from './loadGenerator';

/** The load generator's process, one job at a time. */
export interface LoadGenerator {
  run(job: LoadJob): Promise<LoadResult & { next: number }>;
  stop(): void;
}

/** Forks the load generator (loadGenerator.ts) once for the whole bench. */
export function startLoadGenerator(): LoadGenerator {
  const child = fork(path.join(__dirname, 'loadGenerator.ts'), [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    run: (job) =>
      new Promise((resolve, reject) => {
        const onExit = (code: number | null) => reject(new Error(`the load generator exited (${code})`));
        child.once('exit', onExit);
        child.once('message', (outcome: LoadOutcome) => {
          child.off('exit', onExit);
          if ('failure' in outcome) reject(new Error(`load generator: ${outcome.failure}`));
          else resolve(outcome);
        });
        child.send(job);
      }),
    stop: () => void child.kill('SIGTERM'),
  };
}
