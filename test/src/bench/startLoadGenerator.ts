import { fork } from 'node:child_process';
import path from 'node:path';
import type { LoadResult } from './benchTypes';
import type { LoadJob, LoadOutcome, WindowEvent } from './loadGenerator';

/** The load generator's process, one job at a time; `onWindow` is told when the measured window opens and closes. */
export interface LoadGenerator {
  run(job: LoadJob, onWindow?: (event: WindowEvent['window']) => void): Promise<LoadResult & { next: number }>;
  stop(): void;
}

/** Forks the load generator (loadGenerator.ts) once for the whole bench. */
export function startLoadGenerator(): LoadGenerator {
  const child = fork(path.join(__dirname, 'loadGenerator.ts'), [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    run: (job, onWindow) =>
      new Promise((resolve, reject) => {
        const onExit = (code: number | null) => reject(new Error(`the load generator exited (${code})`));
        const onMessage = (message: LoadOutcome | WindowEvent) => {
          if ('window' in message) return onWindow?.(message.window);
          child.off('exit', onExit);
          child.off('message', onMessage);
          if ('failure' in message) reject(new Error(`load generator: ${message.failure}`));
          else resolve(message);
        };
        child.once('exit', onExit);
        child.on('message', onMessage);
        child.send(job);
      }),
    stop: () => void child.kill('SIGTERM'),
  };
}
