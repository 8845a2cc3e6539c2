import { type ConfigOf, gatewayContextEnv, legacyEnv, serverEnv } from '@passerelle/subgraph-kit';

/** Environment of the France Travail subgraph. */
export const franceTravailEnv = {
  ...serverEnv('FRANCE_TRAVAIL', 4006),
  ...legacyEnv('FRANCE_TRAVAIL', 'http://127.0.0.1:4100/france-travail', 'dev-ft-3a9c47'),
  ...gatewayContextEnv(),
};

export type FranceTravailConfig = ConfigOf<typeof franceTravailEnv>;
