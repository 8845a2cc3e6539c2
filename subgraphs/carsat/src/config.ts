import { type ConfigOf, gatewayContextEnv, legacyEnv, serverEnv } from '@passerelle/subgraph-kit';

/** Environment of the Carsat subgraph. */
export const carsatEnv = {
  ...serverEnv('CARSAT', 4004),
  ...legacyEnv('CARSAT', 'http://127.0.0.1:4100/carsat', 'dev-carsat-7c3d82'),
  ...gatewayContextEnv(),
};

export type CarsatConfig = ConfigOf<typeof carsatEnv>;
