import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** One process of the bench: a simulator, a subgraph, a gateway. */
export interface ChildService {
  name: string;
  pid: number;
  /** `http://127.0.0.1:<port>`. */
  url: string;
  stop(): Promise<void>;
}

export interface SpawnServiceOptions {
  name: string;
  /** The TypeScript file to run (with tsx's loader, in the child's own node: its pid is the one measured). */
  script: string;
  env: NodeJS.ProcessEnv;
  port: number;
  /** Path answering 200 once the process serves (`/health`). */
  readyPath: string;
  /** @default 60 s */
  readyTimeoutMs?: number;
}

/** A free TCP port on loopback (listen on 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `script` as a child process (`node --import tsx`, not the tsx CLI, which would put a
 * second process between this one and the measured one) on `port`, and waits until `readyPath`
 * answers 200. Its stderr is kept (last 4 KiB) to explain a failure to start.
 */
export async function spawnService({ name, script, env, port, readyPath, readyTimeoutMs = 60_000 }: SpawnServiceOptions): Promise<ChildService> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4096);
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited(child);
    clearTimeout(timer);
  };
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it was ready: ${stderr.trim()}`);
    const ready = await fetch(`${url}${readyPath}`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) return { name, pid: child.pid!, url, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`${name} was not ready within ${readyTimeoutMs} ms: ${stderr.trim()}`);
}
