import type { Logger } from '@passerelle/subgraph-kit';
import type { GatewayConfig } from '../config';
import type { RunningGateway } from '../server';

/**
 * Stops one gateway process (a worker, or the gateway of one process) the graceful way: it stops
 * accepting connections (`onListenerClosed`), answers `/health` 503, lets the requests under way
 * finish for up to GATEWAY_SHUTDOWN_TIMEOUT_MS with `Connection: close`, closes keep-alive
 * connections, then closes its audit sink (sealed; a worker's IPC sink waits for the primary's
 * acknowledgements, and the primary seals the file once every worker has exited).
 */
export async function stopGracefully(running: RunningGateway, config: Pick<GatewayConfig, 'shutdownTimeoutMs'>, logger: Logger, onListenerClosed: () => void): Promise<void> {
  await running.stop({
    graceMs: config.shutdownTimeoutMs,
    onListenerClosed,
    onRequestsCut: (requests) => logger.warn('requests still under way when GATEWAY_SHUTDOWN_TIMEOUT_MS ran out were cut', { requests, timeoutMs: config.shutdownTimeoutMs }),
  });
}
