import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { passerelleError } from '@passerelle/subgraph-kit/errors';
import { deadlineHeader, type Logger } from '@passerelle/subgraph-kit';
import { gatewayContextHeader } from '@passerelle/subgraph-kit/security';
import { GraphQLError, Kind, parse, type FieldNode, type GraphQLFormattedError, type OperationDefinitionNode, type SelectionNode, type SelectionSetNode } from 'graphql';
import type { ContextSigner } from './contextKeys/createContextSigner';
import { failedFetchPath } from './failedFetchPath';
import { subgraphErrorsOf } from './subgraphErrorsOf';
import { randomUUID } from 'node:crypto';
import { securityOf, type RequestSecurity } from './pipeline/RequestSecurity';
import { usagerIdAlias } from './rows/injectUsagerIds';
import { traceHeaders } from '@passerelle/subgraph-kit/telemetry';

type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;
type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

export interface PartnerDataSourceOptions {
  /** The subgraph's name in the supergraph (`caf`), reported as `extensions.partenaire`. */
  name: string;
  url: string;
  /** Budget of one fetch, headers and body included. */
  timeoutMs: number;
  logger: Logger;
  /** The gateway's one signer (GATEWAY_CONTEXT_KEYS, GATEWAY_CONTEXT_TTL_S): each fetch carries a context signed for this subgraph. */
  contextSigner: ContextSigner;
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
 */
type Representation = { __typename?: unknown; nir?: unknown; id?: unknown; identitePivot?: unknown };
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export class PartnerDataSource extends RemoteGraphQLDataSource {
  readonly partenaire: string;
  private readonly logger: Logger;
  private readonly contextSigner: ContextSigner;
  private readonly timeoutMs: number;

  constructor({ name, url, timeoutMs, logger, contextSigner }: PartnerDataSourceOptions) {
    super({
      url,
      // Node's own fetch (undici, keep-alive): the default make-fetch-happen crashes beside msw.
      fetcher: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
    });
    this.partenaire = name;
    this.logger = logger;
    this.contextSigner = contextSigner;
    this.timeoutMs = timeoutMs;
  }

  // Signed per fetch, just before it leaves: the context lives GATEWAY_CONTEXT_TTL_S from here, not from the operation's start.
  override async willSendRequest(options: GraphQLDataSourceProcessOptions): Promise<void> {
    const request = requestOf(options);
    const sign = () => this.contextSigner.sign(request?.appel() ?? { requestId: randomUUID(), caller: null, finalite: null }, this.partenaire);
    options.request.http?.headers.set(gatewayContextHeader, await (request ? request.signedContext(this.partenaire, sign) : sign()));
    // The fetch's budget (SUBGRAPH_TIMEOUT_MS): the subgraph stops its legacy calls and retries in time to answer (kit legacy/requestDeadline.ts).
    options.request.http?.headers.set(deadlineHeader, String(this.timeoutMs));
    // The active span is @apollo/gateway's `gateway.fetch`: the subgraph's spans become its children (W3C traceparent).
    for (const [name, value] of Object.entries(traceHeaders())) options.request.http?.headers.set(name, value);
  }

  override async process(options: GraphQLDataSourceProcessOptions): Promise<SubgraphResponse> {
    const request = requestOf(options);
    const representations: unknown = options.request.variables?.representations;
    // The entity guard: usagers withheld from this partner (objection, or not the caller's to
    // see) are taken out of the fetch, so the partner is not even asked; they come back null.
    const withheld = request && Array.isArray(representations) ? await this.withheldOf(representations as Representation[], request) : [];
    if (withheld.some(Boolean)) {
      const kept = (representations as unknown[]).filter((_r, i) => !withheld[i]);
      if (kept.length === 0) return { data: { _entities: withheld.map(() => emptyEntityOf(options.request.query)) } };
      options.request.variables = { ...options.request.variables, representations: kept };
    }
    const response = await this.fetchOrPartnerError(options);
    // Only the entity guard reads pivot identities: an anonymous request or one without the guard walks nothing.
    if (request?.entityGuard) rememberPivots(request, response.data, representations);
    return withheld.some(Boolean) ? reinsertWithheld(response, withheld, emptyEntityOf(options.request.query)) : response;
  }

  /** Per representation, whether this subgraph must not be asked about it. */
  private async withheldOf(representations: readonly Representation[], request: RequestSecurity): Promise<boolean[]> {
    if (request.entityGuard === null) return representations.map(() => false);
    const nirs = representations.map((r) => (r?.__typename !== 'Usager' ? undefined : nirOfRepresentation(r, request)));
    const usagers = nirs.flatMap((nir, i) => (nir === undefined ? [] : [i]));
    if (usagers.length === 0) return representations.map(() => false);
    const decisions = await request.entityGuard(
      this.partenaire,
      usagers.map((i) => nirs[i]!),
    );
    const withheld = representations.map(() => false);
    usagers.forEach((index, k) => (withheld[index] = decisions[k] === true));
    return withheld;
  }

  private async fetchOrPartnerError(options: GraphQLDataSourceProcessOptions): Promise<SubgraphResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      // Handing the errors back as a response lets the gateway rebase their paths onto the client's query.
      if (error instanceof SubgraphHttpError && error.subgraphErrors && error.status !== 401) return { errors: error.subgraphErrors };
      const incoming = 'incomingRequestContext' in options ? options : undefined;
      throw this.partnerError(error, failedFetchPath(incoming?.pathInIncomingRequest, incoming?.document));
    }
  }

  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body: unknown = await this.parseBody(response).catch(() => undefined);
    return new SubgraphHttpError(response.status, subgraphErrorsOf(body));
  }

  private partnerError(error: unknown, path: (string | number)[] | undefined): GraphQLError {
    const timedOut = isTimeout(error);
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

// Duck-typed, not `instanceof`: AbortSignal's DOMException and undici's errors may come from
// another realm (jest's vm contexts, workers) where `instanceof Error` is false.
function field(value: unknown, key: 'name' | 'code' | 'cause'): unknown {
  return typeof value === 'object' && value !== null && key in value ? (value as Record<typeof key, unknown>)[key] : undefined;
}

function isTimeout(error: unknown): boolean {
  return field(error, 'name') === 'TimeoutError' || field(field(error, 'cause'), 'name') === 'TimeoutError';
}

/** An error code (`ECONNREFUSED`, the subgraph's `CONTEXTE_PASSERELLE_INVALIDE`) or class name for the logs: never a message, which may quote a URL. */
function causeOf(error: unknown): string {
  const subgraphCode = error instanceof SubgraphHttpError ? error.subgraphErrors?.[0]?.extensions?.code : undefined;
  if (typeof subgraphCode === 'string') return subgraphCode;
  const cause = field(error, 'cause') ?? error;
  const code = field(cause, 'code') ?? field(cause, 'name');
  return typeof code === 'string' ? code : typeof cause;
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
function rememberPivots(request: RequestSecurity, data: unknown, representations: unknown): void {
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isRecord(value)) return;
    if (isRecord(value.identitePivot)) {
      const nir = typeof value.nir === 'string' ? value.nir : request.nirOfId(value[usagerIdAlias] ?? value.id);
      if (nir !== null) request.rememberPivot(value.identitePivot, nir);
    }
    Object.values(value).forEach(visit);
  };
  visit(representations);
  visit(data);
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

/** The subgraph's answer with the empty entity back at the withheld positions of `_entities`, error paths shifted to match. */
function reinsertWithheld(response: SubgraphResponse, withheld: readonly boolean[], empty: Record<string, unknown>): SubgraphResponse {
  const keptIndices = withheld.flatMap((w, i) => (w ? [] : [i]));
  const data = response.data as { _entities?: unknown[] } | null | undefined;
  const entities = Array.isArray(data?._entities) ? data._entities : null;
  const merged = entities === null ? null : withheld.map((w, i) => (w ? { ...empty } : (entities[keptIndices.indexOf(i)] ?? null)));
  const errors = response.errors?.map((error) =>
    error.path?.[0] === '_entities' && typeof error.path[1] === 'number' ? { ...error, path: ['_entities', keptIndices[error.path[1]] ?? error.path[1], ...error.path.slice(2)] } : error,
  );
  return { ...response, ...(merged ? { data: { ...data, _entities: merged } } : {}), ...(errors ? { errors } : {}) };
}
