import { type ConfigOf, gatewayContextEnv, legacyClientOptionsOf, legacyEnv, namedLegacyEnv, serverEnv, usagerIdSecretEnv } from '@passerelle/subgraph-kit';

/** Environment of the identity subgraph: the SNGI, and the agency's register of provisional identities. */
export const identiteEnv = {
  ...serverEnv('IDENTITE', 4001),
  ...legacyEnv('IDENTITE', 'http://127.0.0.1:4100/sngi', 'dev-sngi-0b6f1c'),
  // The agency's register of provisional identities (`IDENTITE_RIP_LEGACY_URL`…, keys `ripLegacyUrl`…).
  ...namedLegacyEnv('rip', 'IDENTITE_RIP', 'Register of provisional identities', 'http://127.0.0.1:4100/rip', 'dev-rip-3e71a9'),
  ...usagerIdSecretEnv(),
  ...gatewayContextEnv(),
};

export type IdentiteConfig = ConfigOf<typeof identiteEnv>;

/** The legacy-client settings of the register of provisional identities. */
export function ripClientConfig(config: IdentiteConfig) {
  return legacyClientOptionsOf(config, 'rip');
}
