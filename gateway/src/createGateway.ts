import { ApolloGateway } from '@apollo/gateway';
import type { Logger } from '@passerelle/subgraph-kit';
import type { GatewayConfig } from './config';
import { PartnerDataSource } from './PartnerDataSource';
import { watchSupergraph } from './watchSupergraph';

type ApolloLogger = NonNullable<ConstructorParameters<typeof ApolloGateway>[0]>['logger'];

/** Apollo's libraries log free text; this keeps every line in the kit's JSON format. */
export function toApolloLogger(logger: Logger): NonNullable<ApolloLogger> {
  return {
    debug: (message: unknown) => logger.debug(String(message)),
    info: (message: unknown) => logger.info(String(message)),
    warn: (message: unknown) => logger.warn(String(message)),
    error: (message: unknown) => logger.error(String(message)),
  };
}

export interface PasserelleGateway {
  gateway: ApolloGateway;
  /** Names in SUBGRAPH_URLS that no loaded supergraph has used so far (most likely a typo). */
  unusedOverrides(): string[];
}

/**
 * The ApolloGateway over the committed supergraph file. SUBGRAPH_URLS overrides are applied
 * where data sources are built, so the supergraph file stays exactly what was composed.
 */
export function createGateway(config: GatewayConfig, logger: Logger): PasserelleGateway {
  const used = new Set<string>();
  // @apollo/gateway otherwise exports usage metrics to Apollo and probes cloud metadata
  // endpoints (169.254.169.254) at start-up; its only switch is this variable. Nothing about
  // this graph leaves the agency's network.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway({
    supergraphSdl: watchSupergraph({ path: config.supergraphPath, logger }),
    logger: toApolloLogger(logger),
    buildService: ({ name, url }) => {
      const override = config.subgraphUrls.get(name);
      if (override !== undefined) used.add(name);
      const target = override ?? url;
      if (target === undefined) throw new Error(`The supergraph gives no URL for subgraph ${name}; set it in SUBGRAPH_URLS.`);
      return new PartnerDataSource({ name, url: target, timeoutMs: config.subgraphTimeoutMs, logger });
    },
  });
  return {
    gateway,
    unusedOverrides: () => [...config.subgraphUrls.keys()].filter((name) => !used.has(name)),
  };
}
