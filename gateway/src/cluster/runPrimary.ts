import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '@passerelle/subgraph-kit';
import { openAuditSink } from '../audit/openAuditSink';
import type { AuditJournal } from '../audit/createAuditJournal';
import type { GatewayConfig } from '../config';
import { controlChannel, parseWorkerMessage, type PrimaryMessage } from './controlMessages';
import { createRestartPolicy, type RestartPolicyOptions } from './restartPolicy';
import { serveAuditOverIpc } from './serveAuditOverIpc';
import { serveClusterMetrics } from './clusterMetrics';
import { workerWriterId } from './workerWriterId';

/** How long after GATEWAY_SHUTDOWN_TIMEOUT_MS the primary waits for a worker to exit before killing it (its sink's close, its tracing's flush). */
const exitMarginMs = 10_000;

/** Sends to a worker, ignoring a channel that closed meanwhile (the worker is exiting; its 'exit' is handled). */
function sendTo(worker: Worker, message: unknown): void {
  if (!worker.isConnected()) return;
  worker.send(message as PrimaryMessage, undefined, () => undefined);
}

/**
 * The primary of a multi-worker gateway (GATEWAY_WORKERS > 1): forks `count` workers that share
 * the port (node:cluster, round-robin: the primary accepts and hands each connection to the next
 * worker) and serves nothing itself. With AUDIT_SINK=file it owns the journal (its one chain and
 * lock) and writes the workers' records (serveAuditOverIpc.ts). A worker that dies unexpectedly is
 * started again in its slot after a growing delay; one that keeps dying, or one that fails to start
 * at all, stops the gateway (exit 1). On SIGINT/SIGTERM each worker stops gracefully
 * (runWorker.ts); once all have exited the primary seals and closes the journal and exits 0.
 */
export async function runPrimary(config: GatewayConfig, logger: Logger, count: number, restartOptions: RestartPolicyOptions = {}): Promise<void> {
  // Refused before any worker starts: an AUDIT_WRITER_ID too long for its suffix.
  if (config.auditSink === 'postgres') workerWriterId(config.auditWriterId, count, process.pid);
  const journal: AuditJournal | null = config.auditSink === 'file' ? await openAuditSink(config, logger) : null;
  const serveAudit = journal && serveAuditOverIpc(journal, logger);
  const serveMetrics = serveClusterMetrics();
  const restarts = createRestartPolicy(restartOptions);
  // Round-robin is node's default on Linux; said here so that it holds on every platform.
  cluster.schedulingPolicy = cluster.SCHED_RR;

  const workers = new Map<number, Worker>();
  const ready = new Set<number>();
  const stoppedAccepting = new Set<number>();
  let everyWorkerReady = false;
  let stopping = false;
  let listenersClosed = false;
  let exitCode = 0;

  const finish = (): void => {
    const closed = journal === null ? Promise.resolve() : journal.close();
    closed.then(
      () => {
        logger.info('gateway stopped', { exitCode });
        process.exit(exitCode);
      },
      (error: unknown) => {
        logger.error('the audit journal did not close cleanly', { reason: error instanceof Error ? error.message : String(error) });
        process.exit(1);
      },
    );
  };
  const checkListenersClosed = (): void => {
    if (stopping && !listenersClosed && [...workers.keys()].every((slot) => stoppedAccepting.has(slot))) {
      // Every worker has left the round-robin (each closed its server before saying so, on the same
      // channel): node:cluster has closed the listening socket, a new connection is refused.
      listenersClosed = true;
      logger.info('gateway no longer accepts connections');
    }
  };

  const shutdown = (reason: string, code: number): void => {
    if (stopping) return;
    stopping = true;
    exitCode = Math.max(exitCode, code);
    logger.info('gateway stopping', { reason, workers: workers.size, timeoutMs: config.shutdownTimeoutMs });
    for (const worker of workers.values()) sendTo(worker, { channel: controlChannel, op: 'shutdown' } satisfies PrimaryMessage);
    setTimeout(() => {
      logger.error('gateway workers did not exit in time: killed', { workers: workers.size });
      exitCode = 1;
      for (const worker of workers.values()) worker.process.kill('SIGKILL');
    }, config.shutdownTimeoutMs + exitMarginMs).unref();
    if (workers.size === 0) finish();
  };

  const fork = (slot: number): void => {
    const worker = cluster.fork();
    workers.set(slot, worker);
    worker.on('message', (message: unknown) => {
      if (serveAudit?.(message, (answer) => sendTo(worker, answer))) return;
      if (serveMetrics(message, (answer) => sendTo(worker, answer))) return;
      const control = parseWorkerMessage(message);
      if (control?.op === 'hello') sendTo(worker, { channel: controlChannel, op: 'init', slot } satisfies PrimaryMessage);
      else if (control?.op === 'ready') {
        ready.add(slot);
        // A worker started while stopping (its 'shutdown' went before it listened) stops now.
        if (stopping) sendTo(worker, { channel: controlChannel, op: 'shutdown' } satisfies PrimaryMessage);
        if (!everyWorkerReady && ready.size === count) {
          everyWorkerReady = true;
          logger.info('gateway workers ready', { workers: count, port: config.port });
        }
      } else if (control?.op === 'stopped-accepting' && workers.get(slot) === worker) {
        stoppedAccepting.add(slot);
        checkListenersClosed();
      }
    });
    worker.on('exit', (code: number | null, signal: NodeJS.Signals | null) => {
      if (workers.get(slot) !== worker) return;
      workers.delete(slot);
      ready.delete(slot);
      if (stopping) {
        if (code !== 0) exitCode = 1;
        checkListenersClosed();
        if (workers.size === 0) finish();
        return;
      }
      if (!everyWorkerReady) {
        // Not a crash to retry: the same configuration would fail the same way (a port taken, a bad key).
        logger.error('a gateway worker failed to start', { slot, code, signal });
        shutdown('a worker failed to start', 1);
        return;
      }
      const delayMs = restarts.crashed(slot, Date.now());
      if (delayMs === null) {
        logger.error('a gateway worker keeps dying: stopping the gateway', { slot, code, signal });
        shutdown('a worker keeps dying', 1);
        return;
      }
      logger.error('a gateway worker died: starting another', { slot, code, signal, delayMs });
      setTimeout(() => {
        if (!stopping) fork(slot);
      }, delayMs);
    });
  };

  process.once('SIGINT', () => shutdown('SIGINT', 0));
  process.once('SIGTERM', () => shutdown('SIGTERM', 0));
  logger.info('gateway primary starting workers', { workers: count, pid: process.pid, auditSink: config.auditSink });
  for (let slot = 1; slot <= count; slot += 1) fork(slot);
}
