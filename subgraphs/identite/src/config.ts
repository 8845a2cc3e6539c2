import { type ConfigOf, type EnvVar, gatewayContextEnv, legacyEnv, serverEnv, usagerIdSecretEnv } from '@passerelle/subgraph-kit';

/**
 * The register of provisional identities' variables (`IDENTITE_RIP_LEGACY_URL`…). The kit's
 * `legacyEnv` names its keys `legacyUrl`…, the same for every prefix, so the register's are renamed
 * (as the landlords' are in subgraphs/bailleurs/src/config.ts) and documented as the register's.
 */
function registerEnv() {
  const spec = legacyEnv('IDENTITE_RIP', 'http://127.0.0.1:4100/rip', 'dev-rip-3e71a9');
  const named = <T>(variable: EnvVar<T>): EnvVar<T> => ({ ...variable, doc: `Register of provisional identities: ${variable.doc}` });
  return { ripLegacyUrl: named(spec.legacyUrl), ripLegacyApiKey: named(spec.legacyApiKey), ripLegacyTimeoutMs: named(spec.legacyTimeoutMs), ripLegacyMaxConcurrency: named(spec.legacyMaxConcurrency) };
}

/** Environment of the identity subgraph: the SNGI, and the agency's register of provisional identities. */
export const identiteEnv = {
  ...serverEnv('IDENTITE', 4001),
  ...legacyEnv('IDENTITE', 'http://127.0.0.1:4100/sngi', 'dev-sngi-0b6f1c'),
  ...registerEnv(),
  ...usagerIdSecretEnv(),
  ...gatewayContextEnv(),
};

export type IdentiteConfig = ConfigOf<typeof identiteEnv>;

/** The legacy-client settings of the register of provisional identities. */
export function ripClientConfig(config: IdentiteConfig) {
  return { baseUrl: config.ripLegacyUrl, apiKey: config.ripLegacyApiKey, timeoutMs: config.ripLegacyTimeoutMs, maxConcurrency: config.ripLegacyMaxConcurrency };
}
