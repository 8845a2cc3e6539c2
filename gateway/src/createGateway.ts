import { ApolloGateway } from '@apollo/gateway';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { readOnlyRequestHeader, type Logger } from '@passerelle/subgraph-kit';
import { gatewayContextHeader } from '@passerelle/subgraph-kit/security';
import { traceHeaders } from '@passerelle/subgraph-kit/telemetry';
import { instrumentDataSource } from './metrics/instrumentDataSource';
import type { AuditJournal } from './audit/index';
import { coordinateOwners } from './audit/coordinateOwners';
import { readSecurityDirectives } from './authorization/readSecurityDirectives';
import type { GatewayConfig } from './config';
import { createContextSigner, type ContextSigner } from './contextKeys/createContextSigner';
import { createCrossingsDataSource, crossingsSubgraphName, type SignedSubgraphFetch } from './crossings/index';
import { PartnerDataSource } from './PartnerDataSource';
import { createFetchCoalescer, noCoalescing } from './fetch/createFetchCoalescer';
import { createSubgraphFetcher } from './fetch/createSubgraphFetcher';
import { subgraphsAskedAgain } from './fetch/subgraphsAskedAgain';
import type { DepartementFetch } from './rows/accessFacts';
import { factsSubgraphOf } from './rows/factsSubgraphOf';
import { teamReadableFields } from './rows/teamReadableFields';
import { emptyPartnerRegistry } from './partners/PartnerRegistry';
import { readPartnerRegistry } from './partners/readPartnerRegistry';
import { RequestSecurity } from './pipeline/RequestSecurity';
import { securePipeline, type SupergraphRules } from './pipeline/securePipeline';
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
  unusedOverrides: () => string[];
  /** Signs every fetch's context; its public keys are served at /.well-known/passerelle-contexte-jwks.json. */
  contextSigner: ContextSigner;
}

/**
 * The ApolloGateway over the committed supergraph file. SUBGRAPH_URLS overrides are applied
 * where data sources are built, so the supergraph file stays exactly what was composed.
 */
export interface GatewayVariant {
  /** The signer of the gateway this one serves beside: one key set is published at the JWKS route. */
  contextSigner?: ContextSigner;
  /**
   * A contract: the supergraph the planner gets, with the elements outside the contract
   * `@inaccessible` (the analysts': `analystesContract` of @passerelle/schema). Requirements,
   * partners and owners are still read from the whole supergraph.
   */
  contract?: (supergraphSdl: string) => string;
}

export function createGateway(config: GatewayConfig, logger: Logger, journal: AuditJournal | null = null, variant: GatewayVariant = {}): PasserelleGateway {
  const contextSigner = variant.contextSigner ?? createContextSigner(config);
  const used = new Set<string>();
  const urls = new Map<string, string>();
  // One fetcher for every POST of this gateway to subgraphs (SUBGRAPH_FETCHER), closed with it.
  const fetcher = createSubgraphFetcher(config);
  const coalescer = config.subgraphFetchCoalescing ? createFetchCoalescer() : noCoalescing;
  /** The gateway's own GraphQL POSTs (access facts, crossings): the answer's JSON, or an error naming the subgraph's status. */
  const postJson = async (subgraph: string, url: string, token: string, query: string, variables: Record<string, unknown>, extraHeaders: Record<string, string> = {}): Promise<unknown> => {
    const headers = { 'content-type': 'application/json', [gatewayContextHeader]: token, ...extraHeaders, ...traceHeaders() };
    const answer = await fetcher.post(url, headers, JSON.stringify({ query, variables }), config.subgraphTimeoutMs);
    if (answer.status < 200 || answer.status > 299) throw new Error(`${subgraph} answered ${answer.status}`);
    return JSON.parse(answer.body) as unknown;
  };
  let rules: SupergraphRules = { requirements: new Map(), owners: new Map(), registry: emptyPartnerRegistry, factsSubgraph: null, teamReadable: new Set() };
  /**
   * Row authorization asks the subgraph that answers `Usager.referentDeParcours` and
   * `Usager.oppositions` (the Département's, per the supergraph), with this request's signed context.
   * For a query, marked read-only like the plan's fetches (PartnerDataSource.ts): the Département's
   * file read for the facts then serves the plan's Département fields of the same request.
   */
  const departement =
    (request: RequestSecurity, readOnly: boolean): DepartementFetch =>
    async (query, variables) => {
      const subgraph = rules.factsSubgraph;
      const url = subgraph === null ? undefined : urls.get(subgraph);
      if (subgraph === null || url === undefined) throw new Error('no subgraph answers the access facts');
      const token = await request.signedContext(subgraph, () => contextSigner.sign(request.appel(), subgraph));
      if (readOnly) request.askedForFacts(subgraph);
      return (await postJson(subgraph, url, token, query, variables, readOnly ? { [readOnlyRequestHeader]: '1' } : {})) as Awaited<ReturnType<DepartementFetch>>;
    };
  /**
   * Crossings ask partner subgraphs directly for pseudonyms (@inaccessible fields no plan
   * reaches), like the access facts above: signed for that subgraph and this request.
   */
  const signedFetch: SignedSubgraphFetch = async (appel, subgraph, query, variables) => {
    const url = urls.get(subgraph);
    if (url === undefined) throw new Error(`no URL for subgraph ${subgraph}`);
    return (await postJson(subgraph, url, await contextSigner.sign(appel, subgraph), query, variables)) as { data?: unknown; errors?: unknown };
  };
  const crossings = createCrossingsDataSource(signedFetch);
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
        // Read first: scopes `partenaire:<code>` are valid only for partners the supergraph declares.
        const registry = readPartnerRegistry(sdl);
        const { requirements, plannerSdl } = readSecurityDirectives(variant.contract ? variant.contract(sdl) : sdl, new Set(registry.partners.keys()));
        const owners = coordinateOwners(sdl);
        const factsSubgraph = factsSubgraphOf(owners);
        const teamReadable = teamReadableFields(sdl, registry, factsSubgraph);
        return {
          sdl: plannerSdl,
          commit: () => {
            rules = { requirements, owners, registry, factsSubgraph, teamReadable };
          },
        };
      },
    }),
    logger: toApolloLogger(logger),
    // Before the plan runs (from ApolloGateway's cache or just built): which subgraphs it asks more than once.
    experimental_didResolveQueryPlan: ({ queryPlan, requestContext }) => {
      if (requestContext.context instanceof RequestSecurity) requestContext.context.planned(subgraphsAskedAgain(queryPlan));
    },
    buildService: ({ name, url }) => {
      // The gateway's own subgraph runs in this process: its supergraph URL is never fetched.
      if (name === crossingsSubgraphName) return crossings;
      const override = config.subgraphUrls.get(name);
      if (override !== undefined) used.add(name);
      const target = override ?? url;
      if (target === undefined) throw new Error(`The supergraph gives no URL for subgraph ${name}; set it in SUBGRAPH_URLS.`);
      urls.set(name, target);
      return instrumentDataSource(name, new PartnerDataSource({ name, url: target, timeoutMs: config.subgraphTimeoutMs, logger, contextSigner, fetcher, coalescer }));
    },
  });
  const secured = securePipeline(gateway, { rules: () => rules, departement, journal, logger });
  return {
    gateway: {
      ...secured,
      stop: async () => {
        await secured.stop();
        await fetcher.close();
      },
    },
    unusedOverrides: () => [...config.subgraphUrls.keys()].filter((name) => !used.has(name)),
    contextSigner,
  };
}
