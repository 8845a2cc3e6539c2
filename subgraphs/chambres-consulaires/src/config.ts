import { gatewayContextEnv, legacyEnv, serverEnv, type ConfigOf } from '@passerelle/subgraph-kit';

/** Environment of the subgraph of Chambres consulaires de l'Aveyron: its port, its legacy system, the gateway's signed context. */
export const chambresConsulairesEnv = {
  ...serverEnv('CHAMBRES_CONSULAIRES', 4012),
  ...legacyEnv('CHAMBRES_CONSULAIRES', 'http://127.0.0.1:4100/chambres-consulaires', 'dev-chambres-consulaires-64e18e'),
  ...gatewayContextEnv(),
};

export type ChambresConsulairesConfig = ConfigOf<typeof chambresConsulairesEnv>;
