import { startTracing, type Logger } from '@passerelle/subgraph-kit';
import { openAuditSink } from '../audit/openAuditSink';
import type { GatewayConfig } from '../config';
import type { RunningGateway } from '../server';
import { processChannel, type AuditIpcChannel } from './AuditIpcChannel';
import { controlChannel, parsePrimaryMessage, type WorkerMessage } from './controlMessages';
import { createIpcAuditSink } from './createIpcAuditSink';
import { workerClusterMetrics } from './clusterMetrics';
import { gatewayRegistry } from '../metrics/gatewayMetrics';
import type { ServerHooks } from './ServerHooks';
import { stopGracefully } from './stopGracefully';
import { workerWriterId } from './workerWriterId';

const tell = (channel: AuditIpcChannel, op: WorkerMessage['op']): void => channel.send({ channel: controlChannel, op } satisfies WorkerMessage, () => undefined);

/** Asks the primary which slot this worker fills (1..N): its PostgreSQL chain and, in dev mode, its response header. */
function receiveSlot(channel: AuditIpcChannel): Promise<number> {
  return new Promise((resolve, reject) => {
    const stopListening = channel.onMessage((message) => {
      const control = parsePrimaryMessage(message);
      if (control?.op !== 'init') return;
      stopListening();
      stopWatching();
      resolve(control.slot);
    });
    const stopWatching = channel.onDisconnect(() => {
      stopListening();
      reject(new Error('the primary process is gone'));
    });
    tell(channel, 'hello');
  });
}

/**
 * One worker of a multi-worker gateway (cluster/runPrimary.ts forks it): the whole gateway, on the
 * port the primary shares. Its audit sink: the primary's file journal over IPC (AUDIT_SINK=file),
 * or its own chain in PostgreSQL, `<AUDIT_WRITER_ID or host:primary pid>:w<slot>`. It stops
 * gracefully when the primary says so, on SIGINT/SIGTERM (a terminal's Ctrl-C reaches every
 * process of its group), or when the primary is gone, then exits 0.
 */
export async function runWorker(config: GatewayConfig, logger: Logger): Promise<void> {
  const channel = processChannel();
  const slot = await receiveSlot(channel);
  const tracing = startTracing({ serviceName: 'gateway', endpoint: config.otlpEndpoint });
  const hooks: ServerHooks = {
    openJournal:
      config.auditSink === 'postgres'
        ? () => openAuditSink({ ...config, auditWriterId: workerWriterId(config.auditWriterId, slot, process.ppid) }, logger)
        : () => Promise.resolve(createIpcAuditSink({ channel, logger })),
    // A scrape reaches one worker: it answers with every worker's metrics, summed by the primary.
    metrics: workerClusterMetrics(channel, gatewayRegistry),
    // Which worker answered: for tests and a developer's curl, never in production (it names the process layout).
    ...(config.mode === 'dev' ? { responseHeaders: { 'x-passerelle-worker': String(slot) } } : {}),
  };

  let running: RunningGateway | null = null;
  let stopRequested: string | null = null;
  let stopping = false;
  const stop = (reason: string) => {
    stopRequested ??= reason;
    if (running === null || stopping) return;
    stopping = true;
    logger.info('gateway worker stopping', { slot, reason, timeoutMs: config.shutdownTimeoutMs });
    stopGracefully(running, config, logger, () => tell(channel, 'stopped-accepting'))
      .then(() => tracing.shutdown())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error('gateway worker did not stop cleanly', { slot, reason: error instanceof Error ? error.message : String(error) });
          process.exit(1);
        },
      );
  };
  channel.onMessage((message) => {
    if (parsePrimaryMessage(message)?.op === 'shutdown') stop('primary');
  });
  channel.onDisconnect(() => stop('primary gone'));
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));

  const { createServer } = await import('../server');
  running = await createServer(config, logger, hooks);
  logger.info('gateway worker ready', { slot, pid: process.pid });
  tell(channel, 'ready');
  if (stopRequested !== null) stop(stopRequested);
}
