import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import type { z } from 'zod';
import { legacyErrorToGraphQL } from '../errors/legacyErrorToGraphQL';
import { passerelleError } from '../errors/passerelleError';
import { createLegacyResilience, defaultLegacyResilience, type BreakerState } from './createLegacyResilience';

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
}

/** How a `post` is treated: only an idempotent read (a batch lookup, a search) is ever retried. */
export interface LegacyPostOptions {
  /** True for a POST that only reads (a batch or search endpoint): retried like a GET. Commands are never retried. */
  idempotentRead: boolean;
}

/** A typed client of one legacy REST API: every answer is validated against its schema. */
export interface LegacyClient {
  readonly partenaire: string;
  /** An idempotent read: retried on transient failures. */
  get<S extends z.ZodType>(path: string, schema: S, params?: Record<string, string | number>): Promise<z.infer<S>>;
  /** Like `get`, but a 404 means "unknown here" and resolves to null. */
  getOrNull<S extends z.ZodType>(path: string, schema: S, params?: Record<string, string | number>): Promise<z.infer<S> | null>;
  /** POSTs and validates the answer; retried only when marked `{ idempotentRead: true }` (the partners' batch-read and search endpoints). */
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

  // Validation runs inside the attempt: a malformed payload is not retried and does not count against the breaker (legacyFailures.ts).
  const call = async <T>(run: (signal: AbortSignal) => Promise<T>, idempotentRead: boolean): Promise<T> => {
    try {
      return await resilience.execute(run, { idempotentRead });
    } catch (error) {
      throw legacyErrorToGraphQL(partenaire, error);
    }
  };

  return {
    partenaire,
    get: (path, schema, params) => call(async (signal) => validate(schema, (await http$.get(path, { params, signal })).data), true),
    getOrNull: (path, schema, params) =>
      call(async (signal) => {
        const response = await http$.get(path, { params, signal, validateStatus: (s) => (s >= 200 && s < 300) || s === 404 });
        return response.status === 404 ? null : validate(schema, response.data);
      }, true),
    post: (path, body, schema, options) => call(async (signal) => validate(schema, (await http$.post(path, body, { signal })).data), options?.idempotentRead === true),
    command: (path, body, { idempotencyKey, refusals }) =>
      call(async (signal) => {
        const response = await http$.post(path, body, {
          signal,
          headers: idempotencyKey === null ? {} : { 'Idempotency-Key': idempotencyKey },
          validateStatus: (s) => (s >= 200 && s < 300) || refusals.includes(s),
        });
        const headers = Object.fromEntries(Object.entries(response.headers).flatMap(([name, value]) => (typeof value === 'string' ? [[name.toLowerCase(), value]] : [])));
        return { status: response.status, body: response.data as unknown, headers };
      }, false),
    validate,
    get breakerState() {
      return resilience.breakerState;
    },
  };
}
