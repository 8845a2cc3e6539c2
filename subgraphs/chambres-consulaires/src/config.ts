import { type ConfigOf, type EnvVar, gatewayContextEnv, legacyEnv, serverEnv } from '@passerelle/subgraph-kit';
import type { Systeme } from './chambres';

/**
 * One chamber's legacy-client variables (`CHAMBRES_CONSULAIRES_CCI_LEGACY_URL`…). The kit's
 * `legacyEnv` names its keys `legacyUrl`…, the same for every prefix, so each chamber's are
 * renamed below and documented with the chamber's name (as subgraphs/bailleurs/src/config.ts does).
 */
function chamberEnv(variablePrefix: string, nom: string, defaultUrl: string, defaultApiKey: string) {
  const spec = legacyEnv(variablePrefix, defaultUrl, defaultApiKey);
  const named = <T>(variable: EnvVar<T>): EnvVar<T> => ({ ...variable, doc: `${nom}: ${variable.doc}` });
  return { url: named(spec.legacyUrl), apiKey: named(spec.legacyApiKey), timeoutMs: named(spec.legacyTimeoutMs), maxConcurrency: named(spec.legacyMaxConcurrency) };
}

const cci = chamberEnv('CHAMBRES_CONSULAIRES_CCI', 'CCI Aveyron', 'http://127.0.0.1:4100/cci', 'dev-cci-7c21d4');
const cma = chamberEnv('CHAMBRES_CONSULAIRES_CMA', 'CMA (Aveyron)', 'http://127.0.0.1:4100/cma', 'dev-cma-3be90a');
const agri = chamberEnv('CHAMBRES_CONSULAIRES_CHAMBRE_AGRICULTURE', "Chambre d'agriculture", 'http://127.0.0.1:4100/chambre-agriculture', 'dev-chambre-agriculture-5d7f21');

/** Environment of the chambres consulaires' subgraph: its port, one legacy client per chamber, the gateway's signed context. */
export const chambresConsulairesEnv = {
  ...serverEnv('CHAMBRES_CONSULAIRES', 4013),
  cciLegacyUrl: cci.url,
  cciLegacyApiKey: cci.apiKey,
  cciLegacyTimeoutMs: cci.timeoutMs,
  cciLegacyMaxConcurrency: cci.maxConcurrency,
  cmaLegacyUrl: cma.url,
  cmaLegacyApiKey: cma.apiKey,
  cmaLegacyTimeoutMs: cma.timeoutMs,
  cmaLegacyMaxConcurrency: cma.maxConcurrency,
  agriLegacyUrl: agri.url,
  agriLegacyApiKey: agri.apiKey,
  agriLegacyTimeoutMs: agri.timeoutMs,
  agriLegacyMaxConcurrency: agri.maxConcurrency,
  ...gatewayContextEnv(),
};

export type ChambresConsulairesConfig = ConfigOf<typeof chambresConsulairesEnv>;

const configKey = { cci: 'cci', cma: 'cma', 'chambre-agriculture': 'agri' } as const satisfies Record<Systeme, string>;

/** The legacy-client settings of one chamber's system. */
export function chamberClientConfig(config: ChambresConsulairesConfig, systeme: Systeme) {
  const key = configKey[systeme];
  return {
    baseUrl: config[`${key}LegacyUrl`],
    apiKey: config[`${key}LegacyApiKey`],
    timeoutMs: config[`${key}LegacyTimeoutMs`],
    maxConcurrency: config[`${key}LegacyMaxConcurrency`],
  };
}
