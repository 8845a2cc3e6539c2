import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import type { z } from 'zod';
import { legacyErrorToGraphQL } from '../errors/legacyErrorToGraphQL';
import { passerelleError } from '../errors/passerelleError';
import { createLegacyReads } from './createLegacyReads';
import { createLegacyResilience, defaultLegacyResilience, type BreakerState } from './createLegacyResilience';
import { registerLegacySystem } from '../metrics/kitMetrics';
import { observeLegacyCalls, type LegacyOperation } from './observeLegacyCall';
import { legacyCacheTtlMs, type LegacyReadKind } from './legacyReadKind';
import { legacyReadCaller } from './legacyReadScope';

/** How a subgraph reaches its partner's existing system. */
export interface LegacyClientConfig {
  /** Partner name used in errors and metrics (`caf`, `cpam`…). */
  partenaire: string;
  /** Base URL of the legacy API, without trailing slash. */
  baseUrl: string;
  /** API key sent on every call. */
  apiKey: string;
  /** Header carrying the API key; legacy systems disagree on its name. @default 'X-Api-Key' */
  apiKeyHeader?: string;
  /** Timeout of one attempt, in milliseconds. */
  timeoutMs: number;
  /** Bulkhead: calls in flight at once towards this system, so that a big query cannot flood it. @default 8 */
  maxConcurrency?: number;
  /** Bulkhead: calls waiting for a slot; beyond, a call fails at once with PARTENAIRE_INDISPONIBLE. @default 1000 */
  maxQueue?: number;
  /** Retries of an idempotent read (`get`, `getOrNull`, `post` marked `idempotentRead`) on a 5xx, a reset or a timeout. @default 3 */
  retries?: number;
  /** Mean delay before the first retry, in ms (then exponential with jitter, at most 1 s). @default 50 */
  retryDelayMs?: number;
  /** Consecutive failures of the system (5xx, 429, unreachable, timeout) that open its circuit breaker. @default 10 */
  breakerFailures?: number;
  /** How long the open breaker fails calls at once, in ms, before one probe call is let through. @default 5000 */
  breakerOpenMs?: number;
  /**
   * How long an idempotent read's answer is served again to any request of this process, in ms
   * (createLegacyReads.ts says why that is safe): `'byKind'` for each read kind's default
   * (legacyReadKind.ts), a number for every kind that may be kept (0 = off); a `callerDependent`
   * read is never kept. Identical reads in flight are shared whatever this is. @default 0 (a
   * client built without it, in tests and tools, sees every call; `legacyClientOptionsOf` gives
   * subgraphs `'byKind'` unless `_LEGACY_CACHE_TTL_MS` or `LEGACY_CACHE` say otherwise)
   */
  cacheTtlMs?: number | 'byKind';
  /** Answers kept at most by that cache (least recently used dropped first). @default 1000 */
  cacheMaxEntries?: number;
}

/** What every read declares: its kind (how long its answer may be kept, legacyReadKind.ts), and its query parameters. */
export interface LegacyReadOptions {
  kind: LegacyReadKind;
  params?: Record<string, string | number>;
}

/** How a `post` is treated: only an idempotent read (a batch lookup, a search) is ever retried, shared or cached. */
export type LegacyPostOptions =
  /** A POST that only reads (a batch or search endpoint): retried, shared and cached like a GET of its `kind`. */
  | { idempotentRead: true; kind: LegacyReadKind }
  /** A POST that may change the system: never retried, and it clears the system's read cache. */
  | { idempotentRead: false };

/** A typed client of one legacy REST API: every answer is validated against its schema. */
export interface LegacyClient {
  readonly partenaire: string;
  /** An idempotent read of the declared kind: retried on transient failures, shared and cached as its kind allows. */
  get<S extends z.ZodType>(path: string, schema: S, read: LegacyReadOptions): Promise<z.infer<S>>;
  /** Like `get`, but a 404 means "unknown here" and resolves to null. */
  getOrNull<S extends z.ZodType>(path: string, schema: S, read: LegacyReadOptions): Promise<z.infer<S> | null>;
  /** POSTs and validates the answer; retried, shared and cached only when marked `{ idempotentRead: true, kind }` (the partners' batch-read and search endpoints). */
  post<S extends z.ZodType>(path: string, body: unknown, schema: S, options?: LegacyPostOptions): Promise<z.infer<S>>;
  /**
   * POSTs a command the partner may refuse with a business code: a 2xx answer, or one of the
   * `refusals` statuses, comes back as it is (status, parsed body, lower-case headers) for the
   * caller to interpret; the idempotency key, when given, travels in `Idempotency-Key`. Transport
   * failures, credentials and outages map like every other call. Never retried.
   */
  command(path: string, body: unknown, options: { idempotencyKey: string | null; refusals: readonly number[] }): Promise<LegacyCommandAnswer>;
  /** Validates a payload the way every answer is validated (PARTENAIRE_REPONSE_INVALIDE naming the fields, never values). */
  validate<S extends z.ZodType>(schema: S, data: unknown): z.infer<S>;
  /** The state of this system's circuit breaker (diagnostics, tests). */
  readonly breakerState: BreakerState;
  /** Read answers currently cached for this system (diagnostics, tests). */
  readonly cachedAnswers: number;
}

/** What a partner answered to a command. */
export interface LegacyCommandAnswer {
  status: number;
  body: unknown;
  headers: Readonly<Record<string, string>>;
}

export function createLegacyClient(config: LegacyClientConfig): LegacyClient {
  const { partenaire } = config;
  const maxConcurrency = config.maxConcurrency ?? defaultLegacyResilience.maxConcurrency;
  const http$: AxiosInstance = axios.create({
    baseURL: config.baseUrl,
    // The attempt's timeout and the request's deadline abort the call through its signal (createLegacyResilience.ts).
    headers: { [config.apiKeyHeader ?? 'X-Api-Key']: config.apiKey, Accept: 'application/json' },
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: maxConcurrency }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: maxConcurrency }),
    // Redirects to another host would leak the API key; legacy APIs here never redirect.
    maxRedirects: 0,
  });
  const resilience = createLegacyResilience({
    timeoutMs: config.timeoutMs,
    maxConcurrency,
    maxQueue: config.maxQueue ?? defaultLegacyResilience.maxQueue,
    retries: config.retries ?? defaultLegacyResilience.retries,
    retryDelayMs: config.retryDelayMs ?? defaultLegacyResilience.retryDelayMs,
    breakerFailures: config.breakerFailures ?? defaultLegacyResilience.breakerFailures,
    breakerOpenMs: config.breakerOpenMs ?? defaultLegacyResilience.breakerOpenMs,
  });

  const validate = <S extends z.ZodType>(schema: S, data: unknown): z.infer<S> => {
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      // The zod issue paths name fields, never values, so they are safe to report.
      const where = parsed.error.issues
        .slice(0, 3)
        .map((issue) => issue.path.join('.') || '(root)')
        .join(', ');
      throw passerelleError('PARTENAIRE_REPONSE_INVALIDE', `The ${partenaire} system answered with an unexpected payload (at ${where}).`, {
        partenaire,
      });
    }
    return parsed.data;
  };

  // Each call's span and metrics (observeLegacyCall.ts); each HTTP attempt sends its span's `traceparent`.
  const observe = observeLegacyCalls(partenaire, () => resilience.breakerState);
  registerLegacySystem(partenaire, { breakerState: () => resilience.breakerState, bulkhead: () => resilience.bulkhead });
  type Attempt<T> = (signal: AbortSignal, headers: Record<string, string>) => Promise<T>;

  const call = async <T>(run: (signal: AbortSignal) => Promise<T>, idempotentRead: boolean): Promise<T> => {
    try {
      return await resilience.execute(run, { idempotentRead });
    } catch (error) {
      throw legacyErrorToGraphQL(partenaire, error);
    }
  };

  // One client per legacy system, so its reads' cache and in-flight calls are per system; the key
  // names the method (a GET answering 404 means null only for getOrNull), the URL with its
  // parameters and the body; for a caller-dependent read, the caller too (legacyReadScope.ts), so
  // that it is shared in flight with the same caller's reads only. The kind is in the key: two
  // subgraph reads of the same URL declared with different kinds never share an entry.
  const reads = createLegacyReads({ maxEntries: config.cacheMaxEntries ?? 1_000 });
  const ttlSetting = config.cacheTtlMs ?? 0;
  const keyOf = (kind: LegacyReadKind, method: string, path: string, params: Record<string, string | number> | undefined, body: unknown) =>
    JSON.stringify([kind, kind === 'callerDependent' ? legacyReadCaller() : '', method, path, Object.entries(params ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), body ?? null]);

  // The raw answer is shared; each caller validates it against its own schema. A malformed payload
  // is not retried and does not count against the breaker (legacyFailures.ts), nor stays cached.
  const read = <T>(kind: LegacyReadKind, operation: LegacyOperation, body: unknown, key: string, run: Attempt<unknown>, parse: (data: unknown) => T): Promise<T> =>
    observe(operation, 'read', body, async (observed) => {
      let data: unknown;
      try {
        data = await reads.read(
          key,
          (signal) => resilience.execute(observed.attempt(run), { idempotentRead: true, signal }),
          legacyCacheTtlMs(kind, ttlSetting),
          (outcome) => observed.outcome(outcome),
        );
      } catch (error) {
        throw legacyErrorToGraphQL(partenaire, error);
      }
      try {
        return parse(data);
      } catch (error) {
        reads.forget(key);
        throw error;
      }
    });

  // A write may change any answer of the system: nothing read before it is served after it, nor
  // joined, whatever its outcome (a timed-out write may still have been applied).
  const write = <T>(operation: LegacyOperation, body: unknown, run: Attempt<T>): Promise<T> =>
    observe(operation, 'write', body, async (observed) => {
      reads.invalidate();
      try {
        return await call(observed.attempt(run), false);
      } finally {
        reads.invalidate();
      }
    });

  return {
    partenaire,
    get: (path, schema, { kind, params }) =>
      read(
        kind,
        'get',
        null,
        keyOf(kind, 'GET', path, params, null),
        async (signal, headers) => (await http$.get(path, { params, signal, headers })).data as unknown,
        (data) => validate(schema, data),
      ),
    // A 404 ("unknown here") is an answer, shared and cached as `notFound` like any other.
    getOrNull: (path, schema, { kind, params }) =>
      read(
        kind,
        'getOrNull',
        null,
        keyOf(kind, 'GET|404', path, params, null),
        async (signal, headers) => {
          const response = await http$.get(path, { params, signal, headers, validateStatus: (s) => (s >= 200 && s < 300) || s === 404 });
          return response.status === 404 ? notFound : (response.data as unknown);
        },
        (data) => (data === notFound ? null : validate(schema, data)),
      ),
    post: (path, body, schema, options) =>
      options?.idempotentRead === true
        ? read(
            options.kind,
            'post',
            body,
            keyOf(options.kind, 'POST', path, undefined, body),
            async (signal, headers) => (await http$.post(path, body, { signal, headers })).data as unknown,
            (data) => validate(schema, data),
          )
        : write('post', body, async (signal, headers) => validate(schema, (await http$.post(path, body, { signal, headers })).data)),
    command: (path, body, { idempotencyKey, refusals }) =>
      write('command', body, async (signal, trace) => {
        const response = await http$.post(path, body, {
          signal,
          headers: idempotencyKey === null ? trace : { ...trace, 'Idempotency-Key': idempotencyKey },
          validateStatus: (s) => (s >= 200 && s < 300) || refusals.includes(s),
        });
        const headers = Object.fromEntries(Object.entries(response.headers).flatMap(([name, value]) => (typeof value === 'string' ? [[name.toLowerCase(), value]] : [])));
        return { status: response.status, body: response.data as unknown, headers };
      }),
    validate,
    get breakerState() {
      return resilience.breakerState;
    },
    get cachedAnswers() {
      return reads.size;
    },
  };
}

/** getOrNull's shared answer to a 404: no payload can be this very object. */
const notFound: unique symbol = Symbol('notFound');
