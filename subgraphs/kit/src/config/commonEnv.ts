import path from 'node:path';
import { defaultGatewayContextTtlS, devGatewayContextSecret, minGatewayContextSecretLength } from '../security/gatewayContextKey';
import { envEnum, envInt, envPort, envString, envUrl, type EnvParser } from './envParsers';
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

/**
 * `GATEWAY_CONTEXT_SECRET` and `GATEWAY_CONTEXT_TTL_S`, read by the gateway (which signs a context
 * for every subgraph fetch) and by every subgraph (which refuses a request without a valid one).
 */
export function gatewayContextEnv() {
  return {
    gatewayContextSecret: defineEnv(
      'GATEWAY_CONTEXT_SECRET',
      devGatewayContextSecret,
      envString(minGatewayContextSecretLength),
      `Secret (≥ ${minGatewayContextSecretLength} chars) of the HS256 context the gateway signs for each subgraph fetch; the gateway and every subgraph must share it. The default is for development only: the gateway refuses it in production mode.`,
    ),
    gatewayContextTtlS: defineEnv(
      'GATEWAY_CONTEXT_TTL_S',
      defaultGatewayContextTtlS,
      envInt(1, 300),
      'Lifetime of a signed gateway context, in s (1–300): the gateway signs for this long, a subgraph refuses an older context.',
    ),
  };
}

/** Relative paths are taken from the working directory, like any command-line path. */
const envPath: EnvParser<string> = (raw) => path.resolve(envString()(raw));

/** AUDIT_JOURNAL_PATH's default: `.passerelle/audit/journal.jsonl` at the repository's root. */
export const defaultAuditJournalPath = path.resolve(__dirname, '../../../../.passerelle/audit/journal.jsonl');

/**
 * `AUDIT_JOURNAL_PATH`, read by the gateway (which writes the journal) and by the journal
 * subgraph (which reads it for `monJournalDesAcces`). One definition, so both find the same file.
 */
export function auditJournalPathEnv() {
  return {
    auditJournalPath: defineEnv(
      'AUDIT_JOURNAL_PATH',
      defaultAuditJournalPath,
      envPath,
      'Audit journal: append-only JSON Lines, hash-chained and sealed (default: .passerelle/audit/journal.jsonl). In production, on storage apart from the application. The gateway writes it, the journal subgraph reads it.',
    ),
  };
}
