import { readConfigOrExit, type ConfigOf } from '../config/readConfig';
import { startTracing } from '../telemetry/startTracing';
import type { SubgraphDescriptor, SubgraphEnvSpec } from './defineSubgraph';

/**
 * A subgraph package's entry point (`src/main.ts`): reads its configuration (a malformed
 * variable: the message and exit status 2), starts the server, and stops it on SIGINT or
 * SIGTERM (exit 0). A server that cannot start (port taken…) exits 1 with the reason.
 */
export function runSubgraph<S extends SubgraphEnvSpec>(subgraph: SubgraphDescriptor<S>): void {
  const config = readConfigOrExit(subgraph.env);
  // Before the server: its spans and its legacy clients' need the provider (off without OTEL_EXPORTER_OTLP_ENDPOINT).
  // S extends the common spec, so its config has OTEL_EXPORTER_OTLP_ENDPOINT; TypeScript cannot see it through the generic.
  const { otlpEndpoint } = config as ConfigOf<SubgraphEnvSpec>;
  const tracing = startTracing({ serviceName: subgraph.name, endpoint: otlpEndpoint });
  subgraph.createServer(config).then(
    (server) => {
      const stop = () =>
        void server
          .stop()
          .then(() => tracing.shutdown())
          .then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      process.stderr.write(`The ${subgraph.name} subgraph could not start: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
