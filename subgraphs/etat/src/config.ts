import { type ConfigOf, gatewayContextEnv, legacyEnv, serverEnv } from '@passerelle/subgraph-kit';

/** Environment of the État (SIAO) subgraph. */
export const etatEnv = {
  ...serverEnv('ETAT', 4008),
  ...legacyEnv('ETAT', 'http://127.0.0.1:4100/siao', 'dev-siao-6b3e18'),
  ...gatewayContextEnv(),
};

export type EtatConfig = ConfigOf<typeof etatEnv>;
