import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDevGatewayContextKey } from '../security/devGatewayContextJwks';
import { defaultGatewayContextTtlS, gatewayContextJwksPath } from '../security/gatewayContextKey';
import { isHttpUrl } from '../security/gatewayContextKeyResolver';
import { parseGatewayContextJwks } from '../security/parseGatewayContextJwks';
import { defaultLegacyResilience } from '../legacy/createLegacyResilience';
import { defaultLegacyCacheTtlMs } from '../legacy/legacyReadKind';
import { envBool, envEnum, envInt, envPort, envString, envUrl, type EnvParser } from './envParsers';
import { passerelleModes, type PasserelleMode } from './passerelleMode';
import { ConfigError, defineEnv, refusedInProductionByDefault, type EnvVar } from './readConfig';

/** Variables every server process has: `<PREFIX>_PORT`, `<PREFIX>_HOST`, `LOG_LEVEL`, `OTEL_EXPORTER_OTLP_ENDPOINT`. */
export function serverEnv(prefix: string, defaultPort: number) {
  return {
    port: defineEnv(`${prefix}_PORT`, defaultPort, envPort, 'TCP port to listen on (0 = any free port).'),
    host: defineEnv(`${prefix}_HOST`, '127.0.0.1', envString(), 'Interface to listen on.'),
    logLevel: defineEnv('LOG_LEVEL', 'info' as const, envEnum('debug', 'info', 'warn', 'error'), 'Log verbosity.'),
    otlpEndpoint: defineEnv<string | undefined>(
      'OTEL_EXPORTER_OTLP_ENDPOINT',
      undefined,
      envUrl,
      'OpenTelemetry collector (OTLP over HTTP) receiving this process’s traces at `<url>/v1/traces`. Unset: tracing off, at no cost ([observability](observability.md)).',
    ),
  };
}

/**
 * Variables of a subgraph's legacy client: `<PREFIX>_LEGACY_URL`, `_API_KEY`, and how calls to the
 * system are bounded (legacy/createLegacyResilience.ts): `_TIMEOUT_MS`, `_RETRIES`, `_RETRY_DELAY_MS`,
 * `_BREAKER_FAILURES`, `_BREAKER_OPEN_MS`, `_MAX_CONCURRENCY`, `_MAX_QUEUE`; how its reads are cached
 * (legacy/createLegacyReads.ts): `_CACHE_TTL_MS`, `_CACHE_MAX_ENTRIES`, and `LEGACY_CACHE`, the
 * process-wide off switch (one variable whatever the number of systems).
 */
export function legacyEnv(prefix: string, defaultUrl: string, defaultApiKey: string) {
  const d = defaultLegacyResilience;
  return {
    legacyUrl: defineEnv(`${prefix}_LEGACY_URL`, defaultUrl, envUrl, "Base URL of the partner's existing system."),
    legacyApiKey: refusedInProductionByDefault(
      defineEnv(`${prefix}_LEGACY_API_KEY`, defaultApiKey, envString(8), "API key for the partner's system (the default is the simulator's)."),
      "set the partner's API key",
    ),
    legacyTimeoutMs: defineEnv(
      `${prefix}_LEGACY_TIMEOUT_MS`,
      d.timeoutMs,
      envInt(100, 120_000),
      "Timeout of one attempt at a legacy call, in ms (a read may make several, never past the request's deadline).",
    ),
    legacyRetries: defineEnv(
      `${prefix}_LEGACY_RETRIES`,
      d.retries,
      envInt(0, 10),
      'Retries of an idempotent read (GET, batch-read POST) after a 5xx, a reset connection or a timeout, with exponential backoff and jitter; writes are never retried. 0 = none.',
    ),
    legacyRetryDelayMs: defineEnv(`${prefix}_LEGACY_RETRY_DELAY_MS`, d.retryDelayMs, envInt(1, 10_000), 'Mean delay before the first retry, in ms (doubling with jitter, at most 1 s).'),
    legacyBreakerFailures: defineEnv(
      `${prefix}_LEGACY_BREAKER_FAILURES`,
      d.breakerFailures,
      envInt(1, 1_000),
      'Consecutive failures of the system (5xx, 429, unreachable, timeout) that open its circuit breaker: calls then fail at once with PARTENAIRE_INDISPONIBLE, without reaching it.',
    ),
    legacyBreakerOpenMs: defineEnv(
      `${prefix}_LEGACY_BREAKER_OPEN_MS`,
      d.breakerOpenMs,
      envInt(50, 600_000),
      'How long an open breaker fails calls at once, in ms, before one probe call (half-open) closes it on success or opens it again.',
    ),
    legacyMaxConcurrency: defineEnv(`${prefix}_LEGACY_MAX_CONCURRENCY`, d.maxConcurrency, envInt(1, 256), 'Bulkhead: legacy calls in flight at once.'),
    legacyMaxQueue: defineEnv(
      `${prefix}_LEGACY_MAX_QUEUE`,
      d.maxQueue,
      envInt(0, 10_000),
      'Bulkhead: legacy calls waiting for a slot; beyond, a call fails at once with PARTENAIRE_INDISPONIBLE rather than pile up.',
    ),
    legacyCacheTtlMs: defineEnv<number | undefined>(
      `${prefix}_LEGACY_CACHE_TTL_MS`,
      undefined,
      envInt(0, 3_600_000),
      `How long an answer to a read of the system is served again to any request, in ms, for every kind of read that may be kept; unset: each kind's default (personal data ${defaultLegacyCacheTtlMs.personal / 1000} s, reference data such as places or statistics ${defaultLegacyCacheTtlMs.reference / 60_000} min); 0 = off. Caller-dependent reads (access facts, inboxes, caseloads) are never kept. Writes through Passerelle clear it; errors are never kept (docs/configuration.md, "Legacy read caches").`,
    ),
    legacyCacheMaxEntries: defineEnv(`${prefix}_LEGACY_CACHE_MAX_ENTRIES`, 1_000, envInt(1, 1_000_000), 'Answers that read cache keeps at most (least recently used dropped first).'),
    legacyCache: defineEnv(
      'LEGACY_CACHE',
      true,
      envBool,
      'false turns off the read caches of every legacy system of this process, whatever their `_LEGACY_CACHE_TTL_MS` (identical reads in flight are still shared).',
    ),
  };
}

/** `legacyEnv`'s keys shared by every system of a process rather than renamed by `namedLegacyEnv`. */
const processWideLegacyKeys = ['legacyCache'] as const;
type ProcessWideLegacyKey = (typeof processWideLegacyKeys)[number];

/** `legacyEnv`'s variables, keyed `${keyPrefix}LegacyUrl`… instead of `legacyUrl`… */
export type NamedLegacyEnv<P extends string> = {
  [K in Exclude<keyof ReturnType<typeof legacyEnv>, ProcessWideLegacyKey> as `${P}${Capitalize<K>}`]: ReturnType<typeof legacyEnv>[K];
} & Pick<ReturnType<typeof legacyEnv>, ProcessWideLegacyKey>;

/**
 * For a subgraph that reaches several systems (the landlords, the chambers, the identity
 * registers): one system's `legacyEnv` variables under keys of its own (`rahLegacyUrl`…), each
 * documented with the system's name. `legacyClientOptionsOf(config, keyPrefix)` reads them back.
 */
export function namedLegacyEnv<P extends string>(keyPrefix: P, variablePrefix: string, nom: string, defaultUrl: string, defaultApiKey: string): NamedLegacyEnv<P> {
  const spec = legacyEnv(variablePrefix, defaultUrl, defaultApiKey);
  const entries = Object.entries(spec).map(([key, variable]) =>
    (processWideLegacyKeys as readonly string[]).includes(key) ? [key, variable] : [`${keyPrefix}${key[0]!.toUpperCase()}${key.slice(1)}`, { ...variable, doc: `${nom}: ${variable.doc}` }],
  );
  return Object.fromEntries(entries) as NamedLegacyEnv<P>;
}

/**
 * `USAGER_ID_SECRET`, read by every subgraph that decodes opaque usager ids (identite issues them; the
 * Département's subgraphs decode mutation arguments). One definition, so the default and meaning cannot drift.
 */
export function usagerIdSecretEnv() {
  return {
    usagerIdSecret: refusedInProductionByDefault(
      defineEnv(
        'USAGER_ID_SECRET',
        'passerelle-dev-only-usager-id-secret',
        envString(16),
        'Secret sealing opaque usager ids (≥ 16 chars). Changing it changes every id. Every subgraph that reads it must run with the same value. The default is for development only: subgraphs refuse it in production mode.',
      ),
      'set a secret of at least 16 random characters, the same for every process that reads it',
    ),
  };
}

/**
 * `PASSERELLE_MODE` as every subgraph reads it (through `gatewayContextEnv`): in `production`,
 * `readConfig` refuses the development defaults of the same spec (the embedded context keys,
 * USAGER_ID_SECRET, the simulator's API keys), so a subgraph cannot start on them.
 */
export function passerelleModeEnv() {
  const mode: EnvVar<PasserelleMode> = defineEnv<PasserelleMode>(
    'PASSERELLE_MODE',
    'dev',
    envEnum(...passerelleModes),
    '`production` refuses the development defaults (keys, secrets, API keys of this repository).',
  );
  return { mode: { ...mode, switchesProductionChecks: true as const } };
}

/** `GATEWAY_CONTEXT_TTL_S`, read by the gateway (how long it signs for) and by every subgraph (the oldest context it accepts). */
export function gatewayContextTtlEnv() {
  return {
    gatewayContextTtlS: defineEnv(
      'GATEWAY_CONTEXT_TTL_S',
      defaultGatewayContextTtlS,
      envInt(1, 300),
      'Lifetime of a signed gateway context, in s (1–300): the gateway signs for this long, a subgraph refuses an older context.',
    ),
  };
}

/**
 * GATEWAY_CONTEXT_JWKS: an http(s) URL is kept as given; anything else is a file, which must
 * hold the gateway's public keys (checked now, so a wrong file stops the start). Returns the
 * URL or the absolute path; `''` (unset) means the embedded development keys.
 */
const envGatewayContextJwks: EnvParser<string> = (raw) => {
  if (isHttpUrl(raw)) return envUrl(raw);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) throw new Error('expected an http(s) URL or a file path');
  const file = path.resolve(raw);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    parseGatewayContextJwks(text);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  return file;
};

/** In production: the gateway's own keys, fetched over https or from a file without the development key. */
function productionJwksProblem(source: string): string | undefined {
  if (source === '') return `the development keys embedded in the kit are refused in production; set the URL of the gateway's ${gatewayContextJwksPath} (https) or a file holding its public keys`;
  if (isHttpUrl(source)) return source.toLowerCase().startsWith('https://') ? undefined : 'must be an https URL in production (keys fetched in clear could be swapped)';
  try {
    const { keys } = parseGatewayContextJwks(readFileSync(source, 'utf8'));
    return keys.some(isDevGatewayContextKey) ? `${source} holds the development key, refused in production; publish the gateway's own keys (npm run context-keys -- --public <file>)` : undefined;
  } catch (error) {
    return `${source}: ${(error as Error).message}`;
  }
}

/**
 * What every subgraph reads to check the gateway's signed contexts: PASSERELLE_MODE,
 * GATEWAY_CONTEXT_JWKS and GATEWAY_CONTEXT_TTL_S. `gatewayContextOptionsOf(config)` turns them
 * into `createSubgraphServer`'s `gatewayContext`.
 */
export function gatewayContextEnv() {
  return {
    ...passerelleModeEnv(),
    gatewayContextJwks: {
      ...defineEnv(
        'GATEWAY_CONTEXT_JWKS',
        '',
        envGatewayContextJwks,
        `The gateway's public context keys: the https URL of its ${gatewayContextJwksPath} (cached, fetched again for an unknown kid) or a JWKS file (re-read when it changes). Unset: the development keys embedded in the kit, refused in production mode.`,
      ),
      productionProblem: productionJwksProblem,
    },
    ...gatewayContextTtlEnv(),
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

/** Where the audit journal lives: AUDIT_SINK. */
export const auditSinks = ['file', 'postgres'] as const;
export type AuditSink = (typeof auditSinks)[number];

/**
 * A PostgreSQL connection URL (`postgres://user:password@host:port/database`, or
 * `?host=/socket/dir`). Messages never echo the value: it carries a password.
 */
export const envPostgresUrl: EnvParser<string> = (raw) => {
  const expected = 'expected a postgres://user:password@host:port/database URL';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(expected);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new Error(expected);
  if (url.hostname === '' && !url.searchParams.has('host')) throw new Error(`${expected} (no host)`);
  if (url.pathname.replace(/^\//, '') === '') throw new Error(`${expected} (no database)`);
  return raw;
};

/** A connection URL as it may be logged or printed: user, host, port and database; never the password or parameters. */
export function redactedDatabaseUrl(raw: string): string {
  const url = new URL(raw);
  const host = url.hostname === '' ? (url.searchParams.get('host') ?? '') : url.host;
  return `${url.protocol}//${url.username === '' ? '' : `${decodeURIComponent(url.username)}@`}${host}${url.pathname}`;
}

/**
 * AUDIT_SINK and AUDIT_DATABASE_URL, read by the gateway (which writes the journal), its audit
 * commands and the journal subgraph (which reads it for `monJournalDesAcces`). One definition,
 * so all of them look in the same place. `assertAuditSinkConfig` checks the pair.
 */
export function auditSinkEnv() {
  return {
    auditSink: defineEnv<AuditSink>(
      'AUDIT_SINK',
      'file',
      envEnum(...auditSinks),
      '`file`: the audit journal is AUDIT_JOURNAL_PATH (one gateway process); `postgres`: it is in the PostgreSQL database AUDIT_DATABASE_URL, one hash chain per writer, any number of gateway processes (docs/security.md, "The audit journal").',
    ),
    auditDatabaseUrl: defineEnv(
      'AUDIT_DATABASE_URL',
      '',
      envPostgresUrl,
      'With AUDIT_SINK=postgres: `postgres://user:password@host:port/database` of the audit database, with the credentials of this process’s role (the gateway: a member of passerelle_audit_writer; the journal subgraph and `audit:verify`: passerelle_audit_reader; `audit:purge`: passerelle_audit_purger; `audit:migrate`: the owner). Never logged.',
    ),
  };
}

/** Throws a ConfigError when AUDIT_SINK=postgres has no AUDIT_DATABASE_URL. */
export function assertAuditSinkConfig(config: { auditSink: AuditSink; auditDatabaseUrl: string }): void {
  if (config.auditSink === 'postgres' && config.auditDatabaseUrl === '') throw new ConfigError(['AUDIT_DATABASE_URL: required when AUDIT_SINK=postgres']);
}
