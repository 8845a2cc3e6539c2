import { type ConfigOf, gatewayContextEnv, legacyEnv, serverEnv, usagerIdSecretEnv } from '@passerelle/subgraph-kit';

/** Environment of the reception-network subgraph (the Département's). */
export const accueilEnv = {
  ...serverEnv('ACCUEIL', 4010),
  ...legacyEnv('ACCUEIL', 'http://127.0.0.1:4100/accueil', 'dev-accueil-6d2f90'),
  ...usagerIdSecretEnv(),
  ...gatewayContextEnv(),
};

export type AccueilConfig = ConfigOf<typeof accueilEnv>;
