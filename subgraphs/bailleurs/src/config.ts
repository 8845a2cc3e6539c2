import { type ConfigOf, type EnvVar, gatewayContextEnv, legacyEnv, serverEnv } from '@passerelle/subgraph-kit';
import type { Partenaire } from './bailleurs';

/**
 * One landlord's legacy-client variables (`BAILLEURS_RAH_LEGACY_URL`…). The kit's
 * `legacyEnv` names its keys `legacyUrl`…, the same for every prefix, so each landlord's are
 * renamed below and documented with the landlord's name.
 */
function landlordEnv(variablePrefix: string, nom: string, defaultUrl: string, defaultApiKey: string) {
  const spec = legacyEnv(variablePrefix, defaultUrl, defaultApiKey);
  const named = <T>(variable: EnvVar<T>): EnvVar<T> => ({ ...variable, doc: `${nom}: ${variable.doc}` });
  return { url: named(spec.legacyUrl), apiKey: named(spec.legacyApiKey), timeoutMs: named(spec.legacyTimeoutMs), maxConcurrency: named(spec.legacyMaxConcurrency) };
}

const rah = landlordEnv('BAILLEURS_RAH', 'Rodez Agglo Habitat', 'http://127.0.0.1:4100/rah', 'dev-rah-4a90e7');
const ah = landlordEnv('BAILLEURS_AH', 'Aveyron Habitat', 'http://127.0.0.1:4100/ah', 'dev-ah-e81f5b');

/** Environment of the social landlords' subgraph: one legacy client per landlord. */
export const bailleursEnv = {
  ...serverEnv('BAILLEURS', 4005),
  rahLegacyUrl: rah.url,
  rahLegacyApiKey: rah.apiKey,
  rahLegacyTimeoutMs: rah.timeoutMs,
  rahLegacyMaxConcurrency: rah.maxConcurrency,
  ahLegacyUrl: ah.url,
  ahLegacyApiKey: ah.apiKey,
  ahLegacyTimeoutMs: ah.timeoutMs,
  ahLegacyMaxConcurrency: ah.maxConcurrency,
  ...gatewayContextEnv(),
};

export type BailleursConfig = ConfigOf<typeof bailleursEnv>;

/** The legacy-client settings of one landlord. */
export function landlordClientConfig(config: BailleursConfig, partenaire: Partenaire) {
  return {
    baseUrl: config[`${partenaire}LegacyUrl`],
    apiKey: config[`${partenaire}LegacyApiKey`],
    timeoutMs: config[`${partenaire}LegacyTimeoutMs`],
    maxConcurrency: config[`${partenaire}LegacyMaxConcurrency`],
  };
}
