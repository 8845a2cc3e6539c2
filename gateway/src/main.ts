import cluster from 'node:cluster';
import { createLogger, readConfigOrExit } from '@passerelle/subgraph-kit';
import { runPrimary } from './cluster/runPrimary';
import { runSingleProcess } from './cluster/runSingleProcess';
import { runWorker } from './cluster/runWorker';
import { resolveWorkerCount } from './cluster/workerCount';
import { gatewayEnv } from './config';

/**
 * The gateway process (`npm start -w gateway`, a container's command): one process, or with
 * GATEWAY_WORKERS > 1 a primary and its workers (this file again, forked by node:cluster). Stops
 * gracefully on SIGINT/SIGTERM (gateway/README.md, "Workers and shutdown").
 */
async function main(): Promise<void> {
  const config = readConfigOrExit(gatewayEnv);
  const logger = createLogger('gateway', config.logLevel);
  if (cluster.isWorker) return runWorker(config, logger);
  const workers = resolveWorkerCount(config.workers);
  return workers > 1 ? runPrimary(config, logger, workers) : runSingleProcess(config, logger);
}

main().catch((error: unknown) => {
  process.stderr.write(`The gateway could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
