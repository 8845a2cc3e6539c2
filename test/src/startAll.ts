import { ConfigError } from '@passerelle/subgraph-kit';
import { startFederation } from './startFederation';

/**
 * `npm start`: the whole federation in the foreground on the embedded defaults
 * (simulated partner systems, ports 4000–4010 and 4100). Ctrl-C stops everything.
 */
startFederation({ log: true }).then(
  (federation) => {
    process.stdout.write(
      `\nPasserelle is up.\n  GraphQL:   ${federation.gatewayUrl}/graphql\n  GraphiQL:  ${federation.gatewayUrl}/graphiql\n` +
        `  Simulator: ${federation.simulator.url}/_admin/stats\n  Personas:  npm run personas\nCtrl-C to stop.\n\n`,
    );
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      void federation.stop().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (error: unknown) => {
    process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `Passerelle could not start: ${(error as Error).message}\n`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  },
);
