import { createLogger, readConfigOrExit, startTracing } from '@passerelle/subgraph-kit';
import { gatewayEnv } from './config';
import { createServer } from './server';

/** The gateway process (`npm start`): reads the configuration, starts, stops on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = readConfigOrExit(gatewayEnv);
  const logger = createLogger('gateway', config.logLevel);
  // Off (a no-op tracer) unless OTEL_EXPORTER_OTLP_ENDPOINT names a collector.
  const tracing = startTracing({ serviceName: 'gateway', endpoint: config.otlpEndpoint });
  const running = await createServer(config, logger);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info('gateway stopping', { signal });
    running
      .stop()
      .then(() => tracing.shutdown())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error('gateway did not stop cleanly', { reason: error instanceof Error ? error.message : String(error) });
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`The gateway could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
