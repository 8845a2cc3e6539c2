import { type ConfigOf, gatewayContextEnv, legacyEnv, serverEnv } from '@passerelle/subgraph-kit';

/** Environment of the CPAM subgraph. */
export const cpamEnv = {
  ...serverEnv('CPAM', 4003),
  ...legacyEnv('CPAM', 'http://127.0.0.1:4100/cpam', 'dev-cpam-93d4b7'),
  ...gatewayContextEnv(),
};

export type CpamConfig = ConfigOf<typeof cpamEnv>;
