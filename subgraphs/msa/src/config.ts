import { type ConfigOf, gatewayContextEnv, legacyEnv, serverEnv } from '@passerelle/subgraph-kit';

/** Environment of the MSA subgraph. */
export const msaEnv = {
  ...serverEnv('MSA', 4007),
  ...legacyEnv('MSA', 'http://127.0.0.1:4100/msa', 'dev-msa-2d7c61'),
  ...gatewayContextEnv(),
};

export type MsaConfig = ConfigOf<typeof msaEnv>;
