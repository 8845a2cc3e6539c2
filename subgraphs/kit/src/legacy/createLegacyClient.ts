import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import type { z } from 'zod';
import { legacyErrorToGraphQL } from '../errors/legacyErrorToGraphQL';
import { passerelleError } from '../errors/passerelleError';
import { createSemaphore } from './createSemaphore';

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
  /** Per-call timeout in milliseconds. */
  timeoutMs: number;
  /** Calls in flight at once towards this system, so that a big query cannot flood it. @default 8 */
  maxConcurrency?: number;
}

/** A typed client of one legacy REST API: every answer is validated against its schema. */
export interface LegacyClient {
  readonly partenaire: string;
  get<S extends z.ZodType>(path: string, schema: S, params?: Record<string, string | number>): Promise<z.infer<S>>;
  /** Like `get`, but a 404 means "unknown here" and resolves to null. */
  getOrNull<S extends z.ZodType>(path: string, schema: S, params?: Record<string, string | number>): Promise<z.infer<S> | null>;
  post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.infer<S>>;
  /**
   * POSTs a command the partner may refuse with a business code: a 2xx answer, or one of the
   * `refusals` statuses, comes back as it is (status, parsed body, lower-case headers) for the
   * caller to interpret; the idempotency key, when given, travels in `Idempotency-Key`. Transport
   * failures, credentials and outages map like every other call.
   */
  command(path: string, body: unknown, options: { idempotencyKey: string | null; refusals: readonly number[] }): Promise<LegacyCommandAnswer>;
  /** Validates a payload the way every answer is validated (PARTENAIRE_REPONSE_INVALIDE naming the fields, never values). */
  validate<S extends z.ZodType>(schema: S, data: unknown): z.infer<S>;
}

/** What a partner answered to a command. */
export interface LegacyCommandAnswer {
  status: number;
  body: unknown;
  headers: Readonly<Record<string, string>>;
}

export function createLegacyClient(config: LegacyClientConfig): LegacyClient {
  const { partenaire } = config;
  const http$: AxiosInstance = axios.create({
    baseURL: config.baseUrl,
    timeout: config.timeoutMs,
    headers: { [config.apiKeyHeader ?? 'X-Api-Key']: config.apiKey, Accept: 'application/json' },
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: config.maxConcurrency ?? 8 }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: config.maxConcurrency ?? 8 }),
    // Redirects to another host would leak the API key; legacy APIs here never redirect.
    maxRedirects: 0,
  });
  const semaphore = createSemaphore(config.maxConcurrency ?? 8);

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

  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await semaphore.run(run);
    } catch (error) {
      throw legacyErrorToGraphQL(partenaire, error);
    }
  };

  return {
    partenaire,
    get: (path, schema, params) => call(async () => validate(schema, (await http$.get(path, { params })).data)),
    getOrNull: (path, schema, params) =>
      call(async () => {
        const response = await http$.get(path, { params, validateStatus: (s) => (s >= 200 && s < 300) || s === 404 });
        return response.status === 404 ? null : validate(schema, response.data);
      }),
    post: (path, body, schema) => call(async () => validate(schema, (await http$.post(path, body)).data)),
    command: (path, body, { idempotencyKey, refusals }) =>
      call(async () => {
        const response = await http$.post(path, body, {
          headers: idempotencyKey === null ? {} : { 'Idempotency-Key': idempotencyKey },
          validateStatus: (s) => (s >= 200 && s < 300) || refusals.includes(s),
        });
        const headers = Object.fromEntries(Object.entries(response.headers).flatMap(([name, value]) => (typeof value === 'string' ? [[name.toLowerCase(), value]] : [])));
        return { status: response.status, body: response.data as unknown, headers };
      }),
    validate,
  };
}
