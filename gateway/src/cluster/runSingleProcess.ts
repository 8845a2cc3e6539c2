import { startTracing, type Logger } from '@passerelle/subgraph-kit';
import type { GatewayConfig } from '../config';
import { stopGracefully } from './stopGracefully';

/** The gateway in this one process (GATEWAY_WORKERS=1): starts, and on SIGINT/SIGTERM stops gracefully and exits 0. */
export async function runSingleProcess(config: GatewayConfig, logger: Logger): Promise<void> {
  // Off (a no-op tracer) unless OTEL_EXPORTER_OTLP_ENDPOINT names a collector.
  const tracing = startTracing({ serviceName: 'gateway', endpoint: config.otlpEndpoint });
  // Loaded here, not by main.ts: a multi-worker primary never builds a gateway.
  const { createServer } = await import('../server');
  const running = await createServer(config, logger);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info('gateway stopping', { signal, timeoutMs: config.shutdownTimeoutMs });
    stopGracefully(running, config, logger, () => logger.info('gateway no longer accepts connections'))
      .then(() => tracing.shutdown())
      .then(
        () => {
          logger.info('gateway stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error('gateway did not stop cleanly', { reason: error instanceof Error ? error.message : String(error) });
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
