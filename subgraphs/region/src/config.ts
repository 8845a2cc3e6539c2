import { gatewayContextEnv, legacyEnv, serverEnv, type ConfigOf } from '@passerelle/subgraph-kit';

/** Environment of the subgraph of Région Occitanie: its port, its legacy system, the gateway's signed context. */
export const regionEnv = {
  ...serverEnv('REGION', 4012),
  ...legacyEnv('REGION', 'http://127.0.0.1:4100/region', 'dev-region-c697d2'),
  ...gatewayContextEnv(),
};

export type RegionConfig = ConfigOf<typeof regionEnv>;
