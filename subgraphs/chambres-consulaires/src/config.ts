import { type ConfigOf, gatewayContextEnv, legacyClientOptionsOf, namedLegacyEnv, serverEnv } from '@passerelle/subgraph-kit';
import type { Systeme } from './chambres';

/**
 * Environment of the chambres consulaires' subgraph: its port, one legacy client per chamber
 * (`CHAMBRES_CONSULAIRES_CCI_LEGACY_URL`…, keys `cciLegacyUrl`…, as subgraphs/bailleurs/src/config.ts does), the gateway's signed context.
 */
export const chambresConsulairesEnv = {
  ...serverEnv('CHAMBRES_CONSULAIRES', 4013),
  ...namedLegacyEnv('cci', 'CHAMBRES_CONSULAIRES_CCI', 'CCI Aveyron', 'http://127.0.0.1:4100/cci', 'dev-cci-7c21d4'),
  ...namedLegacyEnv('cma', 'CHAMBRES_CONSULAIRES_CMA', 'CMA (Aveyron)', 'http://127.0.0.1:4100/cma', 'dev-cma-3be90a'),
  ...namedLegacyEnv('agri', 'CHAMBRES_CONSULAIRES_CHAMBRE_AGRICULTURE', "Chambre d'agriculture", 'http://127.0.0.1:4100/chambre-agriculture', 'dev-chambre-agriculture-5d7f21'),
  ...gatewayContextEnv(),
};

export type ChambresConsulairesConfig = ConfigOf<typeof chambresConsulairesEnv>;

const configKey = { cci: 'cci', cma: 'cma', 'chambre-agriculture': 'agri' } as const satisfies Record<Systeme, string>;

/** The legacy-client settings of one chamber's system. */
export function chamberClientConfig(config: ChambresConsulairesConfig, systeme: Systeme) {
  return legacyClientOptionsOf(config, configKey[systeme]);
}
