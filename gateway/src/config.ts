import path from 'node:path';
import { roles, type Role } from '@passerelle/subgraph-kit/security';
import { devGatewayContextKeysPath } from '@passerelle/subgraph-kit/context-keys';
import {
  auditJournalPathEnv,
  auditSinkEnv,
  defineEnv,
  envBool,
  envEnum,
  envInt,
  envPort,
  envString,
  envUrl,
  gatewayContextTtlEnv,
  readConfig,
  serverEnv,
  type ConfigOf,
  type EnvParser,
  usagerIdSecretEnv,
} from '@passerelle/subgraph-kit';
import { defaultJwtAlgorithms, envJwtAlgorithms, type JwtAlgorithm } from './auth/envJwtAlgorithms';
import { envWorkers, type WorkersSetting } from './cluster/workerCount';
import { minAuditSealKeyLength } from './audit/SealKeys';

/** Where the committed supergraph lives: the schema package's file, resolved like any dependency. */
export function defaultSupergraphPath(): string {
  try {
    return require.resolve('@passerelle/schema/supergraph.graphql');
  } catch {
    // require.resolve fails while the file does not exist yet: point where `npm run compose` writes it.
    return path.resolve(__dirname, '../../schema/supergraph.graphql');
  }
}

const subgraphName = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Parses `name=url,name=url` (blank entries ignored). Messages name the entry, never echo
 * the URL: it may carry credentials.
 */
export const envSubgraphUrls: EnvParser<ReadonlyMap<string, string>> = (raw) => {
  const urls = new Map<string, string>();
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  entries.forEach((entry, index) => {
    const separator = entry.indexOf('=');
    const name = separator > 0 ? entry.slice(0, separator).trim() : '';
    if (!subgraphName.test(name)) {
      throw new Error(`entry ${index + 1}: expected name=url, e.g. caf=http://127.0.0.1:4002/graphql`);
    }
    if (urls.has(name)) throw new Error(`subgraph "${name}" is given twice`);
    try {
      urls.set(name, envUrl(entry.slice(separator + 1).trim()));
    } catch {
      throw new Error(`subgraph "${name}": expected an absolute http(s) URL`);
    }
  });
  return urls;
};

/** Relative paths are taken from the working directory, like any command-line path. */
const envPath: EnvParser<string> = (raw) => path.resolve(envString()(raw));

/** Which documents may run: see TRUSTED_DOCUMENTS. */
export const trustedDocumentsModes = ['off', 'allow-ad-hoc-for-roles', 'persisted-only'] as const;
export type TrustedDocumentsMode = (typeof trustedDocumentsModes)[number];

/** Parses `role,role` against the closed list of roles (blank entries ignored). */
export const envRoles: EnvParser<readonly Role[]> = (raw) => {
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !(roles as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) throw new Error(`expected roles among ${roles.join(', ')}, comma-separated`);
  return [...new Set(names)] as Role[];
};

/** AUDIT_WRITER_ID: what a writer id may hold (it is logged and stored in every row of its chain). */
const envWriterId: EnvParser<string> = (raw) => {
  if (!/^[A-Za-z0-9._:@-]{1,128}$/.test(raw)) throw new Error('expected 1 to 128 letters, digits or . _ : @ -');
  return raw;
};

/**
 * AUDIT_SEAL_KEYS_PREVIOUS: `key,key` (blank entries and the spaces around a key ignored), each as
 * long as AUDIT_SEAL_KEY must be, none twice. Messages name the entry, never echo a key. That none
 * is AUDIT_SEAL_KEY itself is checked with both read (`sealKeysOf`).
 */
export const envSealKeyList: EnvParser<readonly string[]> = (raw) => {
  const keys = raw
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
  keys.forEach((key, index) => {
    if (key.length < minAuditSealKeyLength) throw new Error(`key ${index + 1}: expected at least ${minAuditSealKeyLength} characters`);
    const first = keys.indexOf(key);
    if (first !== index) throw new Error(`keys ${first + 1} and ${index + 1} are the same key`);
  });
  return keys;
};

/** AUDIT_SEAL_KEY's default: for development only, refused in production mode (`assertProductionAuditConfig`). */
export const devAuditSealKey = 'passerelle-dev-only-audit-journal-seal-key';

/** The development identity provider's issuer (`npm start`, `npm run token`): refused in production mode (`assertProductionIdentityConfig`). */
export const devIdpIssuer = 'http://127.0.0.1:4300';
/** The development identity provider's JWKS: refused in production mode. */
export const devIdpJwksUrl = `${devIdpIssuer}/jwks.json`;

/** An absolute http(s) URL kept exactly as given: a token's `iss` must equal it character for character. */
const envIssuer: EnvParser<string> = (raw) => {
  envUrl(raw);
  return raw;
};

/** Every variable the gateway reads, with its default and documentation (the table of docs/configuration.md). */
export const gatewayEnv = {
  ...serverEnv('GATEWAY', 4000),
  supergraphPath: defineEnv('SUPERGRAPH_PATH', defaultSupergraphPath(), envPath, 'Supergraph file served and watched for changes (default: schema/supergraph.graphql).'),
  mode: defineEnv(
    'PASSERELLE_MODE',
    'dev' as const,
    envEnum('dev', 'production'),
    '`dev` serves GraphiQL and allows introspection; `production` does neither, and refuses the development keys and secrets. Every subgraph reads it too: in production it refuses to start on the development GATEWAY_CONTEXT_JWKS, USAGER_ID_SECRET or legacy API keys.',
  ),
  // One process by default: `npm start` and the tests run the gateway in their own process, and a
  // container's CPU limit, not the host's cores, decides what `auto` can use (cluster/workerCount.ts).
  workers: defineEnv<WorkersSetting>(
    'GATEWAY_WORKERS',
    1,
    envWorkers,
    'Gateway worker processes sharing the port (node:cluster): an integer from 1 to 64, or `auto` (one per core, bounded by a cgroup CPU quota). 1 runs the gateway in one process; recommended in production: `auto` on a machine or VM of its own, or the pod’s CPU limit ([gateway/README.md](../gateway/README.md#workers-and-shutdown)).',
  ),
  shutdownTimeoutMs: defineEnv(
    'GATEWAY_SHUTDOWN_TIMEOUT_MS',
    25_000,
    envInt(0, 600_000),
    'On SIGTERM/SIGINT, how long in-flight requests may take to finish before their connections are closed, in ms (below Kubernetes’ 30 s termination grace period).',
  ),
  subgraphTimeoutMs: defineEnv('SUBGRAPH_TIMEOUT_MS', 10_000, envInt(100, 120_000), 'Timeout of one gateway → subgraph fetch, in ms.'),
  subgraphFetcher: defineEnv(
    'SUBGRAPH_FETCHER',
    'undici' as const,
    envEnum('undici', 'fetch'),
    "How the gateway POSTs to subgraphs: `undici` (undici's `request` over one keep-alive pool per subgraph origin, SUBGRAPH_CONNECTIONS each) or `fetch` (Node's global fetch, which interceptors such as msw see; about a third more gateway CPU per fetch).",
  ),
  subgraphConnections: defineEnv(
    'SUBGRAPH_CONNECTIONS',
    32,
    envInt(1, 1024),
    'Connections the gateway keeps open to one subgraph origin at most (SUBGRAPH_FETCHER=undici); further fetches wait for one.',
  ),
  subgraphFetchCoalescing: defineEnv(
    'SUBGRAPH_FETCH_COALESCING',
    true,
    envBool,
    'Identical in-flight query fetches to a subgraph (same document, variables, caller rights and purpose) share one fetch; `false` sends each. Never for mutations, never across callers of different rights.',
  ),
  subgraphUrls: defineEnv<ReadonlyMap<string, string>>('SUBGRAPH_URLS', new Map(), envSubgraphUrls, 'Overrides of subgraph URLs, `name=url,name=url` (default: the URLs written in the supergraph).'),
  // Operation limits: each default passes the documented examples and the end-to-end operations (the
  // costliest, a 50-usager caseload page with every partner's file: depth 8, cost ≈ 1,510, 346 tokens).
  maxDepth: defineEnv('GRAPHQL_MAX_DEPTH', 12, envInt(1, 100), 'Deepest field nesting an operation may reach (fragments count as their fields); the deepest legitimate one has 8.'),
  maxAliases: defineEnv('GRAPHQL_MAX_ALIASES', 15, envInt(0, 1000), 'Aliases an operation may use (`usagers(ids:)` fetches many usagers without any).'),
  maxTokens: defineEnv('GRAPHQL_MAX_TOKENS', 2000, envInt(100, 100_000), 'GraphQL tokens a document may have, counted before it is parsed (the largest legitimate one has about 350).'),
  maxDirectives: defineEnv('GRAPHQL_MAX_DIRECTIVES', 10, envInt(0, 1000), 'Directives (`@include`, `@skip`…) an operation may use.'),
  maxCost: defineEnv(
    'GRAPHQL_MAX_COST',
    3000,
    envInt(1, 10_000_000),
    'Largest static cost of an operation (GraphQL Armor: 1 per scalar, 2 per object, ×1.5 per level; list sizes are bounded by each field): twice a caseload page with every partner’s file.',
  ),
  // The analysts' endpoint (/analystes/graphql): ad-hoc queries on the analysts' contract, with their own
  // limits. A dashboard asks a year of months (one alias each) and several tables per month; the
  // indicators page (/indicateurs: 13 aliases, depth 5, cost ≈ 1,780) fits with room to spare.
  analystesMaxDepth: defineEnv('ANALYSTES_GRAPHQL_MAX_DEPTH', 8, envInt(1, 100), 'Deepest field nesting on the analysts’ endpoint; the contract’s deepest path has 5 levels.'),
  analystesMaxAliases: defineEnv('ANALYSTES_GRAPHQL_MAX_ALIASES', 100, envInt(0, 1000), 'Aliases an operation may use on the analysts’ endpoint (one per month or table asked in one request).'),
  analystesMaxTokens: defineEnv('ANALYSTES_GRAPHQL_MAX_TOKENS', 10_000, envInt(100, 100_000), 'GraphQL tokens a document may have on the analysts’ endpoint, counted before it is parsed.'),
  analystesMaxCost: defineEnv(
    'ANALYSTES_GRAPHQL_MAX_COST',
    5000,
    envInt(1, 10_000_000),
    'Largest static cost of an operation on the analysts’ endpoint (counted as GRAPHQL_MAX_COST): two years of the four monthly totals cost about 3,400, one table with every column about 75.',
  ),
  maxBodyBytes: defineEnv('GRAPHQL_MAX_BODY_BYTES', 100_000, envInt(1024, 10_000_000), 'Largest HTTP request body, in bytes; larger is answered 413 before parsing.'),
  trustedDocuments: defineEnv<TrustedDocumentsMode | undefined>(
    'TRUSTED_DOCUMENTS',
    undefined,
    envEnum(...trustedDocumentsModes),
    'Which documents run: `off` (any), `allow-ad-hoc-for-roles` (persisted operations, and any document for the roles in TRUSTED_DOCUMENTS_AD_HOC_ROLES), `persisted-only`. Unset: `off` in dev mode, `allow-ad-hoc-for-roles` in production.',
  ),
  trustedDocumentsAdHocRoles: defineEnv<readonly Role[]>(
    'TRUSTED_DOCUMENTS_AD_HOC_ROLES',
    ['analyste'],
    envRoles,
    'Roles that may run ad-hoc documents under `allow-ad-hoc-for-roles`, comma-separated; a role counts when the operation’s purpose makes it active.',
  ),
  persistedOperationsPath: defineEnv(
    'PERSISTED_OPERATIONS_PATH',
    path.resolve(__dirname, '../persisted-operations.json'),
    envPath,
    'Manifest of the persisted operations, read at start-up (default: gateway/persisted-operations.json, built by `npm run persisted:build`).',
  ),
  // AUDIT_SINK, AUDIT_DATABASE_URL, AUDIT_JOURNAL_PATH: the same variables and defaults as the journal subgraph's.
  ...auditSinkEnv(),
  ...auditJournalPathEnv(),
  auditWriterId: defineEnv(
    'AUDIT_WRITER_ID',
    '',
    envWriterId,
    'With AUDIT_SINK=postgres: the hash chain this process writes (1–128 letters, digits, `.` `_` `:` `@` `-`), unique among the processes running at once (a second one is refused at start); a process started again with the same id resumes its chain. Unset: `<host name>:<pid>`.',
  ),
  auditSealKey: defineEnv(
    'AUDIT_SEAL_KEY',
    devAuditSealKey,
    envString(32),
    'HMAC key sealing the audit journal (≥ 32 chars); `audit:verify` needs the same. The default is for development only and refused in production mode.',
  ),
  auditSealKeysPrevious: defineEnv<readonly string[]>(
    'AUDIT_SEAL_KEYS_PREVIOUS',
    [],
    envSealKeyList,
    'The keys AUDIT_SEAL_KEY replaced, comma-separated (each ≥ 32 chars, none AUDIT_SEAL_KEY itself): the seals they made still verify, at start, in `audit:verify` and `audit:purge`; new seals use AUDIT_SEAL_KEY only. Keep a key here until the records it sealed are purged (AUDIT_RETENTION_DAYS; docs/operations.md, "Keys and their rotation").',
  ),
  auditSealEvery: defineEnv('AUDIT_SEAL_EVERY', 100, envInt(1, 100_000), 'Seal the audit journal every this many records.'),
  auditSealIntervalMs: defineEnv('AUDIT_SEAL_INTERVAL_MS', 60_000, envInt(1000, 86_400_000), 'Also seal the audit journal at this interval when records were added, in ms.'),
  auditRetentionDays: defineEnv('AUDIT_RETENTION_DAYS', 365, envInt(1, 3650), 'Days of audit records `npm run audit:purge` keeps (CNIL 2021: 6 to 12 months).'),
  // The context signed for each subgraph fetch: the keys (read by `createContextSigner`) and GATEWAY_CONTEXT_TTL_S.
  gatewayContextKeys: defineEnv(
    'GATEWAY_CONTEXT_KEYS',
    devGatewayContextKeysPath,
    envPath,
    'JSON file of the private keys signing the context of each subgraph fetch, `{ "keys": [current, previous] }` (EC P-256 JWKs with a kid; `npm run context-keys -- --rotate <file>` makes and rolls it): the first signs, all are published at /.well-known/passerelle-contexte-jwks.json. The default is a development key pair committed in the kit, refused in production mode.',
  ),
  ...gatewayContextTtlEnv(),
  // Row authorization decodes the usager ids of arguments and answers; the same secret as the identity subgraph's.
  ...usagerIdSecretEnv(),
  // Authentication: OIDC access tokens (JWT) checked against the identity provider's JWKS.
  oidcIssuer: defineEnv(
    'OIDC_ISSUER',
    devIdpIssuer,
    envIssuer,
    "Issuer (`iss`) access tokens must carry, exactly. The default is the development identity provider's, refused in production mode (https required).",
  ),
  oidcAudience: defineEnv('OIDC_AUDIENCE', 'passerelle', envString(), 'Audience (`aud`) access tokens must name.'),
  oidcJwksUrl: defineEnv(
    'OIDC_JWKS_URL',
    devIdpJwksUrl,
    envUrl,
    "The identity provider's public keys (JWKS), fetched and cached. The default is the development identity provider's, refused in production mode (https required).",
  ),
  oidcAlgorithms: defineEnv<readonly JwtAlgorithm[]>(
    'OIDC_ALGORITHMS',
    defaultJwtAlgorithms,
    envJwtAlgorithms,
    'Signature algorithms accepted on access tokens, comma-separated, among ES256/384/512, RS256/384/512, PS256/384/512, EdDSA; `none` and HS* are refused.',
  ),
  oidcClockToleranceS: defineEnv('OIDC_CLOCK_TOLERANCE_S', 30, envInt(0, 300), 'Clock skew tolerated on access tokens’ `exp` and `nbf`, in s (0–300).'),
};

export type GatewayConfig = ConfigOf<typeof gatewayEnv>;

/** Reads the gateway's configuration; throws a ConfigError naming every malformed variable. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return readConfig(gatewayEnv, env);
}

/** Variables of the development identity provider (`npm start`) and of `npm run token`, which share its key. */
export const devIdpEnv = {
  port: defineEnv('DEV_IDP_PORT', 4300, envPort, 'Port of the development identity provider (dev mode only; its issuer is `http://127.0.0.1:<port>`, which OIDC_ISSUER must then name).'),
  keyFile: defineEnv(
    'DEV_IDP_KEY_FILE',
    path.resolve(__dirname, '../../.passerelle/dev-idp-key.json'),
    envPath,
    'ES256 key pair of the development identity provider, shared with `npm run token`; created (mode 0600) when absent (default: .passerelle/dev-idp-key.json).',
  ),
};

export type DevIdpConfig = ConfigOf<typeof devIdpEnv>;

/** Reads the development identity provider's configuration; throws a ConfigError naming every malformed variable. */
export function loadDevIdpConfig(env: NodeJS.ProcessEnv = process.env): DevIdpConfig {
  return readConfig(devIdpEnv, env);
}
