import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { passerelleError } from '@passerelle/subgraph-kit/errors';
import { cacheBypassHeader, deadlineHeader, readOnlyRequestHeader, type AppelPasserelle, type Logger } from '@passerelle/subgraph-kit';
import { gatewayContextHeader } from '@passerelle/subgraph-kit/security';
import { GraphQLError, Kind, OperationTypeNode, parse, type FieldNode, type GraphQLFormattedError, type OperationDefinitionNode, type SelectionNode, type SelectionSetNode } from 'graphql';
import type { ContextSigner } from './contextKeys/createContextSigner';
import { failedFetchPath } from './failedFetchPath';
import { subgraphErrorsOf } from './subgraphErrorsOf';
import { randomUUID } from 'node:crypto';
import { securityOf, type RequestSecurity } from './pipeline/RequestSecurity';
import { usagerIdAlias } from './rows/injectUsagerIds';
import { traceHeaders } from '@passerelle/subgraph-kit/telemetry';
import { compactRepresentations, expandEntities } from './fetch/compactRepresentations';
import { coalesceKeyOf, noCoalescing, type FetchCoalescer } from './fetch/createFetchCoalescer';
import { createPooledFetcher } from './fetch/createPooledFetcher';
import { fetchErrorCause, isFetchTimeout, type SubgraphAnswer, type SubgraphFetcher } from './fetch/SubgraphFetcher';

type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

export interface PartnerDataSourceOptions {
  /** The subgraph's name in the supergraph (`caf`), reported as `extensions.partenaire`. */
  name: string;
  url: string;
  /** Budget of one fetch, headers and body included. */
  timeoutMs: number;
  logger: Logger;
  /** The gateway's one signer (GATEWAY_CONTEXT_KEYS, GATEWAY_CONTEXT_TTL_S): each fetch carries a context signed for this subgraph. */
  contextSigner: ContextSigner;
  /** How POSTs reach subgraphs (SUBGRAPH_FETCHER; default: undici's pooled `request`). */
  fetcher?: SubgraphFetcher;
  /** Identical in-flight query fetches of callers with the same rights share one (SUBGRAPH_FETCH_COALESCING); default: none shared. */
  coalescer?: FetchCoalescer;
}

/** A non-2xx answer; carries the subgraph's GraphQL errors when its body had some. */
class SubgraphHttpError extends GraphQLError {
  constructor(
    readonly status: number,
    readonly subgraphErrors: GraphQLFormattedError[] | undefined,
  ) {
    super(`HTTP ${status}`);
  }
}

/**
 * The gateway's client for one partner subgraph. Each fetch carries, in `x-passerelle-contexte`,
 * a short-lived context signed for this subgraph only (request id, caller, purpose). A subgraph
 * that cannot be reached, is too slow, refuses that context (401), or answers non-2xx without
 * GraphQL errors becomes one registered error naming the partner (never its URL nor what it
 * sent); errors the subgraph itself returns pass through.
 *
 * It sends through the gateway's `SubgraphFetcher` (gateway/src/fetch), not through
 * RemoteGraphQLDataSource's fetch path (node-fetch Headers and Request objects per fetch): only
 * the class and its `process` contract are kept, which is what ApolloGateway calls.
 */
type Representation = { __typename?: unknown; nir?: unknown; id?: unknown; identitePivot?: unknown };
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const anonymousAppel = (): AppelPasserelle => ({ requestId: randomUUID(), caller: null, finalite: null });

export class PartnerDataSource extends RemoteGraphQLDataSource {
  readonly partenaire: string;
  private readonly logger: Logger;
  private readonly contextSigner: ContextSigner;
  private readonly timeoutMs: number;
  private readonly subgraphFetcher: SubgraphFetcher;
  private readonly coalescer: FetchCoalescer;

  constructor({ name, url, timeoutMs, logger, contextSigner, fetcher, coalescer }: PartnerDataSourceOptions) {
    super({ url });
    this.partenaire = name;
    this.logger = logger;
    this.contextSigner = contextSigner;
    this.timeoutMs = timeoutMs;
    this.subgraphFetcher = fetcher ?? createPooledFetcher({ connections: 32 });
    this.coalescer = coalescer ?? noCoalescing;
  }

  override async process(options: GraphQLDataSourceProcessOptions): Promise<SubgraphResponse> {
    const request = requestOf(options);
    const representations: unknown = options.request.variables?.representations;
    // The entity guard: usagers withheld from this partner (objection, or not the caller's to
    // see) are taken out of the fetch, so the partner is not even asked; they come back null.
    // Identical representations go once (compactRepresentations.ts).
    const guarded = Array.isArray(representations) && request ? await this.withheldOf(representations as Representation[], request) : null;
    const compact = Array.isArray(representations) ? compactRepresentations(representations, guarded?.withheld ?? [], guarded?.nirs) : null;
    const empty = () => emptyEntityOf(options.request.query);
    if (compact?.changed) {
      if (compact.sent.length === 0) return { data: { _entities: compact.positions.map(empty) } };
      options.request.variables = { ...options.request.variables, representations: compact.sent };
    }
    const response = await this.fetchOrPartnerError(options, request);
    // Only the entity guard reads pivot identities: an anonymous request or one without the guard walks nothing.
    if (request?.entityGuard) rememberPivots(request, response.data, representations, options.request.query);
    return compact?.changed ? expandEntities(response, compact, empty) : response;
  }

  /**
   * Per representation, whether this subgraph must not be asked about it, and the NIR of the
   * usager it stands for (undefined: not a usager; null: a usager the gateway cannot identify).
   */
  private async withheldOf(representations: readonly Representation[], request: RequestSecurity): Promise<{ withheld: boolean[]; nirs?: Array<string | null | undefined> }> {
    // Loops, not callbacks: this runs for every entity fetch (docs/performance.md, "Functions that stay optimized").
    const withheld: boolean[] = [];
    for (let i = 0; i < representations.length; i += 1) withheld.push(false);
    if (request.entityGuard === null) return { withheld };
    const nirs: Array<string | null | undefined> = [];
    const usagers: number[] = [];
    const usagerNirs: Array<string | null> = [];
    for (let i = 0; i < representations.length; i += 1) {
      const representation = representations[i];
      const nir = representation?.__typename !== 'Usager' ? undefined : nirOfRepresentation(representation, request);
      nirs.push(nir);
      if (nir === undefined) continue;
      usagers.push(i);
      usagerNirs.push(nir);
    }
    if (usagers.length === 0) return { withheld, nirs };
    const decisions = await request.entityGuard(this.partenaire, usagerNirs);
    for (let k = 0; k < usagers.length; k += 1) withheld[usagers[k]!] = decisions[k] === true;
    return { withheld, nirs };
  }

  private async fetchOrPartnerError(options: GraphQLDataSourceProcessOptions, request: RequestSecurity | null): Promise<SubgraphResponse> {
    try {
      const answer = await this.send(options, request);
      const body = bodyOf(answer);
      if (answer.status < 200 || answer.status > 299) throw new SubgraphHttpError(answer.status, subgraphErrorsOf(body));
      if (!isRecord(body)) throw new Error('the subgraph did not answer a JSON object');
      // Every answer is per caller: nothing the gateway serves may be cached by anyone (Apollo's cache-control plugin).
      if ('incomingRequestContext' in options) restrictCachePolicy(options.incomingRequestContext.overallCachePolicy);
      return body;
    } catch (error) {
      // Handing the errors back as a response lets the gateway rebase their paths onto the client's query.
      if (error instanceof SubgraphHttpError && error.subgraphErrors && error.status !== 401) return { errors: error.subgraphErrors };
      const incoming = 'incomingRequestContext' in options ? options : undefined;
      throw this.partnerError(error, failedFetchPath(incoming?.pathInIncomingRequest, incoming?.document));
    }
  }

  /**
   * POSTs the fetch, signed for this subgraph, with its budget. A query fetch made for a client's
   * operation joins an identical one in flight for a caller with the same rights
   * (createFetchCoalescer.ts); the context is then signed only by the fetch that leaves. A
   * mutation's fetches, its follow-up queries included, are never shared: they must see its writes.
   */
  private send(options: GraphQLDataSourceProcessOptions, request: RequestSecurity | null): Promise<SubgraphAnswer> {
    const { http, ...graphqlRequest } = options.request;
    const body = JSON.stringify(graphqlRequest);
    const appel = request?.appel() ?? null;
    // The client asked every legacy answer read afresh (the kit's cache bypass, subgraphs/kit/src/legacy/legacyCacheBypass.ts): passed on to the subgraph.
    const bypass = 'incomingRequestContext' in options && bypassAsked(options.incomingRequestContext.request);
    const shareable =
      appel !== null && 'incomingRequestContext' in options && options.incomingRequestContext.operation?.operation === OperationTypeNode.QUERY && !isMutationText(options.request.query);
    const post = async (): Promise<SubgraphAnswer> => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (http?.headers) for (const [name, value] of http.headers) headers[name] = value;
      if (bypass) headers[cacheBypassHeader] = '1';
      // A query's fetch: what it reads may serve this request's later fetches to the same subgraph (the kit's legacy/createLegacyReads.ts),
      // when there are any (RequestSecurity.readsServeLaterFetches).
      if (shareable && request !== null && request.readsServeLaterFetches(this.partenaire)) headers[readOnlyRequestHeader] = '1';
      // Signed per fetch, just before it leaves: the context lives GATEWAY_CONTEXT_TTL_S from here, not from the operation's start.
      const sign = () => this.contextSigner.sign(appel ?? anonymousAppel(), this.partenaire);
      headers[gatewayContextHeader] = await (request ? request.signedContext(this.partenaire, sign) : sign());
      // The fetch's budget (SUBGRAPH_TIMEOUT_MS): the subgraph stops its legacy calls and retries in time to answer (kit legacy/requestDeadline.ts).
      headers[deadlineHeader] = String(this.timeoutMs);
      // The active span is @apollo/gateway's `gateway.fetch`: the subgraph's spans become its children (W3C traceparent).
      // A shared fetch carries the trace of the request whose fetch leaves.
      Object.assign(headers, traceHeaders());
      return this.subgraphFetcher.post(this.url, headers, body, this.timeoutMs);
    };
    // A fetch for a client that asked to bypass the legacy caches only joins another that did too.
    return shareable ? this.coalescer.share(`${bypass ? 'sans-cache\n' : ''}${coalesceKeyOf(this.url, appel, body)}`, post) : post();
  }

  private partnerError(error: unknown, path: (string | number)[] | undefined): GraphQLError {
    const timedOut = isFetchTimeout(error);
    const status = error instanceof SubgraphHttpError ? error.status : undefined;
    this.logger.warn('subgraph fetch failed', { partenaire: this.partenaire, timedOut, status, cause: causeOf(error) });
    const partenaire = this.partenaire;
    // 401: the subgraph refused the gateway's signed context (it does not trust the gateway's keys, clocks drift): configuration, not the client.
    const registered = timedOut
      ? passerelleError('PARTENAIRE_DELAI_DEPASSE', `The ${partenaire} subgraph did not answer in time.`, { partenaire })
      : status === 401
        ? passerelleError('PARTENAIRE_ACCES_REFUSE', `The ${partenaire} subgraph refused the gateway's credentials.`, { partenaire })
        : passerelleError('PARTENAIRE_INDISPONIBLE', `The ${partenaire} subgraph is unavailable.`, { partenaire });
    // Rebuilt only to carry a path: passerelleError takes none.
    return new GraphQLError(registered.message, { extensions: registered.extensions, ...(path ? { path } : {}) });
  }
}

/** The body as RemoteGraphQLDataSource read it: JSON when the answer says so (undefined when it is not), text otherwise. */
function bodyOf(answer: SubgraphAnswer): unknown {
  const type = answer.contentType;
  if (type === undefined || !(type.startsWith('application/json') || type.startsWith('application/graphql-response+json'))) return answer.body;
  try {
    return JSON.parse(answer.body) as unknown;
  } catch {
    return undefined;
  }
}

/** The client's request carried `x-passerelle-sans-cache: 1`. */
function bypassAsked(request: { http?: { headers: { get(name: string): string | null } } } | undefined): boolean {
  return request?.http?.headers.get(cacheBypassHeader) === '1';
}

/** A fetch's document is a mutation (the planner prints the operation keyword first). */
function isMutationText(query: string | undefined): boolean {
  return query === undefined || /^\s*mutation\b/.test(query);
}

function restrictCachePolicy(policy: unknown): void {
  if (isRecord(policy) && typeof policy.restrict === 'function') (policy.restrict as (hint: { maxAge: number }) => void)({ maxAge: 0 });
}

/** An error code (`ECONNREFUSED`, the subgraph's `CONTEXTE_PASSERELLE_INVALIDE`) or class name for the logs: never a message, which may quote a URL. */
function causeOf(error: unknown): string {
  const subgraphCode = error instanceof SubgraphHttpError ? error.subgraphErrors?.[0]?.extensions?.code : undefined;
  if (typeof subgraphCode === 'string') return subgraphCode;
  return fetchErrorCause(error);
}

/** The request's security object, for fetches made on behalf of a client's operation. */
function requestOf(options: GraphQLDataSourceProcessOptions): RequestSecurity | null {
  return 'incomingRequestContext' in options ? securityOf(options.context) : null;
}

/**
 * The NIR of the usager a representation stands for: its `nir` key, its opaque id, or — for
 * partners keyed on the pivot identity, who never receive a NIR — the pivot identity seen earlier
 * in the same request. null: unknown (the guard then withholds it from any partner).
 */
function nirOfRepresentation(representation: Representation, request: RequestSecurity): string | null {
  if (typeof representation.nir === 'string') return representation.nir;
  const fromId = request.nirOfId(representation.id);
  if (fromId !== null) return fromId;
  return isRecord(representation.identitePivot) ? request.nirOfPivot(representation.identitePivot) : null;
}

/** Records, from what this fetch sent and received, which pivot identity is which usager's. */
function rememberPivots(request: RequestSecurity, data: unknown, representations: unknown, query: string | undefined): void {
  // A pivot identity is a key (or required) field of the Usager representation itself: each at its top level.
  if (Array.isArray(representations)) for (const representation of representations) if (isRecord(representation)) rememberPivotOf(request, representation);
  // In the answer only when the fetch selected it (the field is @inaccessible: no client asks it): no walk otherwise.
  if (query?.includes('identitePivot')) visitPivots(request, data);
}

function rememberPivotOf(request: RequestSecurity, value: Record<string, unknown>): void {
  if (!isRecord(value.identitePivot)) return;
  const nir = typeof value.nir === 'string' ? value.nir : request.nirOfId(value[usagerIdAlias] ?? value.id);
  if (nir !== null) request.rememberPivot(value.identitePivot, nir);
}

/** Every object of an answer, each remembered (module-level functions, not closures made per fetch: docs/performance.md). */
function visitPivots(request: RequestSecurity, value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) visitPivots(request, item);
    return;
  }
  if (!isRecord(value)) return;
  rememberPivotOf(request, value);
  for (const item of Object.values(value)) visitPivots(request, item);
}

/**
 * What stands for a usager the partner was not asked about: the entity with every field the
 * fetch selects null — as if the partner knew nothing — so that fields which @require them
 * (presence, summary) are still computed, without this partner.
 */
function emptyEntityOf(query: string | undefined): Record<string, unknown> {
  const entity: Record<string, unknown> = { __typename: 'Usager' };
  if (query === undefined) return entity;
  const selections = (set: SelectionSetNode | undefined): readonly SelectionNode[] => (set?.selections ?? []).flatMap((s) => (s.kind === Kind.INLINE_FRAGMENT ? selections(s.selectionSet) : [s]));
  const operation = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const entities = selections(operation?.selectionSet).find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === '_entities');
  for (const field of selections(entities?.selectionSet)) {
    if (field.kind === Kind.FIELD && field.name.value !== '__typename') entity[field.alias?.value ?? field.name.value] = null;
  }
  return entity;
}
