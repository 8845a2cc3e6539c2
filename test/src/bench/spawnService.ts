import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { freePort } from '@passerelle/mocks';
import { loaderArgsFor } from '@passerelle/subgraph-kit/build';

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
  /**
   * The file to run, in the child's own node (its pid is the one measured): a bundle (`.js`, what
   * the images run: `npm run bundle`) as is, a TypeScript file with tsx's loader.
   */
  script: string;
  /** Its environment, given the port it must listen on. */
  env: (port: number) => NodeJS.ProcessEnv;
  /** Node and V8 flags before the script (any V8 flag, where NODE_OPTIONS allows only some). */
  nodeArgs?: readonly string[];
  /** Path answering 200 once the process serves (`/health`). */
  readyPath: string;
  /** @default 60 s */
  readyTimeoutMs?: number;
  /** Where its stderr goes (its logs at LOG_LEVEL=error), to explain a failure. */
  logFile: string;
}

/** The e2e tests that start processes of their own take it from here, with spawnService. */
export { freePort };

/**
 * Whether process `pid` itself listens on TCP `port`: one of its file descriptors is the socket
 * /proc/net/tcp{,6} lists as listening there. Another process of the machine (other tests run in
 * parallel, each on free ports) may take a port between freePort() and the child's listen: its
 * /health would answer in the child's stead.
 */
function listensOn(pid: number, port: number): boolean {
  let inodes: Set<string>;
  try {
    inodes = new Set(
      readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
        try {
          const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
          return inode ? [inode] : [];
        } catch {
          return [];
        }
      }),
    );
  } catch {
    return false;
  }
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines: string[];
    try {
      lines = readFileSync(table, 'utf8').split('\n').slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const [, local, , state, , , , , , inode] = line.trim().split(/\s+/);
      if (state === '0A' && local && Number.parseInt(local.split(':')[1] ?? '', 16) === port && inode && inodes.has(inode)) return true;
    }
  }
  return false;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `script` as a child process (`node`, with `--import tsx` for TypeScript: not the tsx CLI,
 * which would put a second process between this one and the measured one) on a free port, and waits until it
 * listens there itself and `readyPath` answers 200; on a port taken meanwhile, starts it again
 * on another (3 tries). Its stderr goes to `logFile`, whose end explains a failure to start.
 */
export async function spawnService(options: SpawnServiceOptions): Promise<ChildService> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await spawnOnce(options, await freePort());
    } catch (error) {
      if (attempt === 3 || !(error instanceof PortTakenError)) throw error;
    }
  }
}

class PortTakenError extends Error {}

async function spawnOnce({ name, script, env, nodeArgs = [], readyPath, readyTimeoutMs = 60_000, logFile }: SpawnServiceOptions, port: number): Promise<ChildService> {
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...nodeArgs, ...loaderArgsFor([script]), script], { env: env(port), stdio: ['ignore', 'ignore', log] });
  closeSync(log);
  const stderrTail = () => readFileSync(logFile, 'utf8').slice(-4096).trim();
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited(child);
    clearTimeout(timer);
  };
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const tail = stderrTail();
      throw tail.includes('EADDRINUSE') ? new PortTakenError(`${name}: port ${port} taken`) : new Error(`${name} exited with code ${child.exitCode} before it was ready: ${tail}`);
    }
    const ready = await fetch(`${url}${readyPath}`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready && listensOn(child.pid!, port)) return { name, pid: child.pid!, url, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`${name} was not ready within ${readyTimeoutMs} ms: ${stderrTail()}`);
}
