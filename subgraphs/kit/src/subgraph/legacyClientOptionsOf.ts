import type { legacyEnv } from '../config/commonEnv';
import type { ConfigOf } from '../config/readConfig';

/** What a subgraph's configuration holds about its legacy system: the variables of `legacyEnv(prefix, …)`. */
export type LegacyConfig = ConfigOf<ReturnType<typeof legacyEnv>>;

/** The legacy client's settings from `legacyEnv`'s variables (URL, API key, timeout, concurrency). */
export function legacyClientOptionsOf(config: LegacyConfig): { baseUrl: string; apiKey: string; timeoutMs: number; maxConcurrency: number } {
  return { baseUrl: config.legacyUrl, apiKey: config.legacyApiKey, timeoutMs: config.legacyTimeoutMs, maxConcurrency: config.legacyMaxConcurrency };
}
