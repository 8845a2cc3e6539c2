import { type ConfigOf, gatewayContextEnv, legacyEnv, serverEnv, usagerIdSecretEnv } from '@passerelle/subgraph-kit';

/** Environment of the identity subgraph. */
export const identiteEnv = {
  ...serverEnv('IDENTITE', 4001),
  ...legacyEnv('IDENTITE', 'http://127.0.0.1:4100/sngi', 'dev-sngi-0b6f1c'),
  ...usagerIdSecretEnv(),
  ...gatewayContextEnv(),
};

export type IdentiteConfig = ConfigOf<typeof identiteEnv>;
