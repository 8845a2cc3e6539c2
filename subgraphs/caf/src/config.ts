import { type ConfigOf, gatewayContextEnv, legacyEnv, serverEnv } from '@passerelle/subgraph-kit';

/** Environment of the CAF subgraph. */
export const cafEnv = {
  ...serverEnv('CAF', 4002),
  ...legacyEnv('CAF', 'http://127.0.0.1:4100/caf', 'dev-caf-5e21a9'),
  ...gatewayContextEnv(),
};

export type CafConfig = ConfigOf<typeof cafEnv>;
