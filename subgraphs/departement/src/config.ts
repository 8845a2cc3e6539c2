import { type ConfigOf, gatewayContextEnv, legacyEnv, serverEnv, usagerIdSecretEnv } from '@passerelle/subgraph-kit';

/** Environment of the Département subgraph. */
export const departementEnv = {
  ...serverEnv('DEPARTEMENT', 4009),
  ...legacyEnv('DEPARTEMENT', 'http://127.0.0.1:4100/departement', 'dev-cd12-8f3a40'),
  ...usagerIdSecretEnv(),
  ...gatewayContextEnv(),
};

export type DepartementConfig = ConfigOf<typeof departementEnv>;
