import type { legacyEnv, NamedLegacyEnv } from '../config/commonEnv';
import type { ConfigOf } from '../config/readConfig';

/** What a subgraph's configuration holds about its legacy system: the variables of `legacyEnv(prefix, …)`. */
export type LegacyConfig = ConfigOf<ReturnType<typeof legacyEnv>>;

/** The legacy client's settings (`createLegacyClient`'s config, but for the partner's name and API-key header). */
export interface LegacyClientOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
  breakerFailures: number;
  breakerOpenMs: number;
  maxConcurrency: number;
  maxQueue: number;
  /** `'byKind'` (each read kind's default) when `_LEGACY_CACHE_TTL_MS` is unset; 0 when `LEGACY_CACHE` is false. */
  cacheTtlMs: number | 'byKind';
  cacheMaxEntries: number;
}

/**
 * The legacy client's settings from `legacyEnv`'s variables or, with `keyPrefix`, from one
 * system's `namedLegacyEnv(keyPrefix, …)` variables.
 */
export function legacyClientOptionsOf(config: LegacyConfig): LegacyClientOptions;
export function legacyClientOptionsOf<P extends string>(config: ConfigOf<NamedLegacyEnv<P>>, keyPrefix: P): LegacyClientOptions;
export function legacyClientOptionsOf(config: object, keyPrefix = ''): LegacyClientOptions {
  const values = config as Record<string, unknown>;
  const read = (key: keyof LegacyConfig) => values[keyPrefix === '' ? key : `${keyPrefix}${key[0]!.toUpperCase()}${key.slice(1)}`];
  const number = (key: keyof LegacyConfig) => read(key) as number;
  return {
    baseUrl: read('legacyUrl') as string,
    apiKey: read('legacyApiKey') as string,
    timeoutMs: number('legacyTimeoutMs'),
    retries: number('legacyRetries'),
    retryDelayMs: number('legacyRetryDelayMs'),
    breakerFailures: number('legacyBreakerFailures'),
    breakerOpenMs: number('legacyBreakerOpenMs'),
    maxConcurrency: number('legacyMaxConcurrency'),
    maxQueue: number('legacyMaxQueue'),
    // LEGACY_CACHE is one variable for the process, never renamed (commonEnv.ts).
    cacheTtlMs: values['legacyCache'] === false ? 0 : ((read('legacyCacheTtlMs') as number | undefined) ?? 'byKind'),
    cacheMaxEntries: number('legacyCacheMaxEntries'),
  };
}
