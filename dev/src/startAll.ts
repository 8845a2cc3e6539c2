import { ConfigError } from '@passerelle/subgraph-kit';
import { startFederation } from './startFederation';

/**
 * `npm start`: the whole federation in the foreground on the embedded defaults
 * (simulated partner systems, dev identity provider; ports 4000–4011, 4100 and 4300). Ctrl-C stops everything.
 */
startFederation({ log: true }).then(
  (federation) => {
    process.stdout.write(
      `\nPasserelle is up.\n  GraphQL:   ${federation.gatewayUrl}/graphql\n  GraphiQL:  ${federation.gatewayUrl}/graphiql\n` +
        `  Simulator: ${federation.simulator.url}/_admin/stats\n  Personas:  npm run personas\n` +
        (federation.identityProvider ? `  Dev IdP:   ${federation.identityProvider.issuer} — a token: npm run -s token -- --role referent --referent ref-001\n` : '') +
        'Ctrl-C to stop.\n\n',
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
