import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { passerelleError } from '@passerelle/subgraph-kit/errors';
import type { Logger } from '@passerelle/subgraph-kit';
import { gatewayContextHeader } from '@passerelle/subgraph-kit/security';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { appelOf } from './appelOf';
import type { ContextSigner } from './contextKeys/createContextSigner';
import { failedFetchPath } from './failedFetchPath';
import { subgraphErrorsOf } from './subgraphErrorsOf';
import type { EntityGuardContext } from './security/secureGateway';

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
/** Malformed on purpose (no sex digit 0): every subgraph answers null for it without a legacy call. */
const withheldNir = '000000000000000';

export class PartnerDataSource extends RemoteGraphQLDataSource {
  readonly partenaire: string;
  private readonly logger: Logger;
  private readonly contextSigner: ContextSigner;

  constructor({ name, url, timeoutMs, logger, contextSigner }: PartnerDataSourceOptions) {
    super({
      url,
      // Node's own fetch (undici, keep-alive): the default make-fetch-happen crashes beside msw.
      fetcher: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
    });
    this.partenaire = name;
    this.logger = logger;
    this.contextSigner = contextSigner;
  }

  // Signed per fetch, just before it leaves: the context lives GATEWAY_CONTEXT_TTL_S from here, not from the operation's start.
  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions): Promise<void> {
    // The entity guard: a usager withheld from this partner (objection, or not the caller's to
    // see) is sent as a NIR no one holds, so the partner answers null without being asked.
    const guard = (context as EntityGuardContext).entityGuard;
    const representations = request.variables?.representations;
    if (guard && Array.isArray(representations)) {
      const nirs = representations.flatMap((r: { __typename?: unknown; nir?: unknown }) => (r?.__typename === 'Usager' && typeof r.nir === 'string' ? [r.nir] : []));
      const withheld = nirs.length > 0 ? await guard(this.partenaire, nirs) : new Set<string>();
      if (withheld.size > 0) {
        request.variables = {
          ...request.variables,
          representations: representations.map((r: { __typename?: unknown; nir?: unknown }) => (r?.__typename === 'Usager' && typeof r.nir === 'string' && withheld.has(r.nir) ? { ...r, nir: withheldNir } : r)),
        };
      }
    }
    request.http?.headers.set(gatewayContextHeader, await this.contextSigner.sign(appelOf(context), this.partenaire));
  }

  override async process(options: GraphQLDataSourceProcessOptions): Promise<SubgraphResponse> {
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
