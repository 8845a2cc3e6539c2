import { envEnum, envInt, envPort, envString, envUrl } from './envParsers';
import { defineEnv } from './readConfig';

/** Variables every server process has: `<PREFIX>_PORT`, `<PREFIX>_HOST`, `LOG_LEVEL`. */
export function serverEnv(prefix: string, defaultPort: number) {
  return {
    port: defineEnv(`${prefix}_PORT`, defaultPort, envPort, 'TCP port to listen on (0 = any free port).'),
    host: defineEnv(`${prefix}_HOST`, '127.0.0.1', envString(), 'Interface to listen on.'),
    logLevel: defineEnv('LOG_LEVEL', 'info' as const, envEnum('debug', 'info', 'warn', 'error'), 'Log verbosity.'),
  };
}

/** Variables of a subgraph's legacy client: `<PREFIX>_LEGACY_URL`, `_API_KEY`, `_TIMEOUT_MS`, `_MAX_CONCURRENCY`. */
export function legacyEnv(prefix: string, defaultUrl: string, defaultApiKey: string) {
  return {
    legacyUrl: defineEnv(`${prefix}_LEGACY_URL`, defaultUrl, envUrl, "Base URL of the partner's existing system."),
    legacyApiKey: defineEnv(`${prefix}_LEGACY_API_KEY`, defaultApiKey, envString(8), "API key for the partner's system (the default is the simulator's)."),
    legacyTimeoutMs: defineEnv(`${prefix}_LEGACY_TIMEOUT_MS`, 5000, envInt(100, 120_000), 'Timeout of one legacy call, in ms.'),
    legacyMaxConcurrency: defineEnv(`${prefix}_LEGACY_MAX_CONCURRENCY`, 8, envInt(1, 256), 'Legacy calls in flight at once.'),
  };
}

/**
 * `USAGER_ID_SECRET`, read by every subgraph that decodes opaque usager ids (identite issues them; the
 * Département's subgraphs decode mutation arguments). One definition, so the default and meaning cannot drift.
 */
export function usagerIdSecretEnv() {
  return {
    usagerIdSecret: defineEnv(
      'USAGER_ID_SECRET',
      'passerelle-dev-only-usager-id-secret',
      envString(16),
      'Secret sealing opaque usager ids (≥ 16 chars). Changing it changes every id. Every subgraph that reads it must run with the same value. The default is for development only.',
    ),
  };
}
