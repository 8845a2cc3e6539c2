export * from './errors/index';
export * from './identity/index';
export { createSubgraphServer, type SubgraphServerOptions, type SubgraphRequestContext, type RunningSubgraphServer } from './server/createSubgraphServer';
export { gatewayContextOptionsOf, type GatewayContextOptions } from './server/gatewayContextOptionsOf';
export { loadTypeDefs } from './server/loadTypeDefs';
export { createLegacyClient, type LegacyClient, type LegacyClientConfig, type LegacyCommandAnswer, type LegacyPostOptions, type LegacyReadOptions } from './legacy/createLegacyClient';
export { defaultLegacyCacheTtlMs, legacyCacheTtlMs, legacyReadKinds, type LegacyReadKind } from './legacy/legacyReadKind';
export { cacheBypassHeader, readOnlyRequestHeader } from './legacy/legacyReadScope';
export { clearLegacyReadCaches } from './legacy/clearLegacyReadCaches';
export { createLegacyResilience, defaultLegacyResilience, type LegacyResilience, type LegacyResilienceOptions, type BreakerState } from './legacy/createLegacyResilience';
export { deadlineHeader, deadlineOf, runWithDeadline, currentDeadline } from './legacy/requestDeadline';
export { DeadlineExceededError, LegacyTimeoutError, isSystemFailure, isTransientFailure } from './legacy/legacyFailures';
export { createBatchLoader, createSingleLoader, indexBy, type BatchLoaderOptions } from './loaders/createBatchLoader';
export { readConfig, readConfigOrExit, defineEnv, refusedInProductionByDefault, ConfigError, type EnvVar, type ConfigSpec, type ConfigOf } from './config/readConfig';
export { envInt, envNumber, envPort, envUrl, envBool, envString, envEnum, type EnvParser } from './config/envParsers';
export {
  legacyEnv,
  namedLegacyEnv,
  type NamedLegacyEnv,
  serverEnv,
  usagerIdSecretEnv,
  passerelleModeEnv,
  gatewayContextEnv,
  gatewayContextTtlEnv,
  auditJournalPathEnv,
  defaultAuditJournalPath,
  auditSinkEnv,
  auditSinks,
  type AuditSink,
  envPostgresUrl,
  redactedDatabaseUrl,
  assertAuditSinkConfig,
} from './config/commonEnv';
export { passerelleModes, type PasserelleMode } from './config/passerelleMode';
export { createLogger, silentLogger, redactedLogFields, type Logger, type LogLevel, type LogFields } from './logging/createLogger';
export { startTracing, type Tracing, type TracingOptions } from './telemetry/startTracing';
export { formatLegacyDate, parseLegacyDate, centsToEuros } from './legacy/legacyFormats';
export type { RunningHttpServer } from './http/createGraphQLHttpServer';
export * from './security/index';
export * from './subgraph/index';
export * from './statistics/index';
