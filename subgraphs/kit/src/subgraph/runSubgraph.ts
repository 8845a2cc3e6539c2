import { readConfigOrExit } from '../config/readConfig';
import type { SubgraphDescriptor, SubgraphEnvSpec } from './defineSubgraph';

/**
 * A subgraph package's entry point (`src/main.ts`): reads its configuration (a malformed
 * variable: the message and exit status 2), starts the server, and stops it on SIGINT or
 * SIGTERM (exit 0). A server that cannot start (port taken…) exits 1 with the reason.
 */
export function runSubgraph<S extends SubgraphEnvSpec>(subgraph: SubgraphDescriptor<S>): void {
  const config = readConfigOrExit(subgraph.env);
  subgraph.createServer(config).then(
    (server) => {
      const stop = () => void server.stop().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      process.stderr.write(`The ${subgraph.name} subgraph could not start: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
