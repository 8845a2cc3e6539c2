import { ApolloGateway } from '@apollo/gateway';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import type { GatewayRequestContext, Logger } from '@passerelle/subgraph-kit';
import { gatewayContextHeader } from '@passerelle/subgraph-kit/security';
import type { AuditJournal } from './audit/index';
import { coordinateOwners } from './audit/coordinateOwners';
import { readSecurityDirectives } from './authorization/readSecurityDirectives';
import type { GatewayConfig } from './config';
import { createContextSigner, type ContextSigner } from './contextKeys/createContextSigner';
import { PartnerDataSource } from './PartnerDataSource';
import type { DepartementFetch } from './rows/accessFacts';
import { secureGateway, type SecurityState } from './security/secureGateway';
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
  /** ApolloGateway behind field and row authorization, objections and the audit journal. */
  gateway: GatewayInterface;
  /** Names in SUBGRAPH_URLS that no loaded supergraph has used so far (most likely a typo). */
  unusedOverrides(): string[];
  /** Signs every fetch's context; its public keys are served at /.well-known/passerelle-contexte-jwks.json. */
  contextSigner: ContextSigner;
}

/**
 * The ApolloGateway over the committed supergraph file. SUBGRAPH_URLS overrides are applied
 * where data sources are built, so the supergraph file stays exactly what was composed.
 */
export function createGateway(config: GatewayConfig, logger: Logger, journal: AuditJournal | null = null): PasserelleGateway {
  const contextSigner = createContextSigner(config);
  const used = new Set<string>();
  const urls = new Map<string, string>();
  const state: SecurityState = { requirements: new Map(), owners: new Map() };
  /** Row authorization asks the Département's subgraph, with this request's signed context. */
  const departement = (context: GatewayRequestContext): DepartementFetch => async (query, variables) => {
    const url = urls.get('departement');
    if (!url) throw new Error('no departement subgraph');
    const token = await contextSigner.sign({ requestId: context.requestId, caller: context.caller, finalite: context.finalite }, 'departement');
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [gatewayContextHeader]: token }, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(config.subgraphTimeoutMs) });
    if (!response.ok) throw new Error(`departement answered ${response.status}`);
    return (await response.json()) as Awaited<ReturnType<DepartementFetch>>;
  };
  // @apollo/gateway otherwise exports usage metrics to Apollo and probes cloud metadata
  // endpoints (169.254.169.254) at start-up; its only switch is this variable. Nothing about
  // this graph leaves the agency's network.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway({
    // The security directives are read (refusing any the gateway does not enforce) and removed
    // before the planner sees the supergraph: @apollo/gateway refuses them otherwise.
    supergraphSdl: watchSupergraph({
      path: config.supergraphPath,
      logger,
      transform: (sdl) => {
        const { requirements, plannerSdl } = readSecurityDirectives(sdl);
        const owners = coordinateOwners(sdl);
        return {
          sdl: plannerSdl,
          commit: () => {
            state.requirements = requirements;
            state.owners = owners;
          },
        };
      },
    }),
    logger: toApolloLogger(logger),
    buildService: ({ name, url }) => {
      const override = config.subgraphUrls.get(name);
      if (override !== undefined) used.add(name);
      const target = override ?? url;
      if (target === undefined) throw new Error(`The supergraph gives no URL for subgraph ${name}; set it in SUBGRAPH_URLS.`);
      urls.set(name, target);
      return new PartnerDataSource({ name, url: target, timeoutMs: config.subgraphTimeoutMs, logger, contextSigner });
    },
  });
  return {
    gateway: secureGateway(gateway, { state, usagerIdSecret: config.usagerIdSecret, departement, journal, logger }),
    unusedOverrides: () => [...config.subgraphUrls.keys()].filter((name) => !used.has(name)),
    contextSigner,
  };
}
