import { type ConfigOf, gatewayContextEnv, legacyClientOptionsOf, namedLegacyEnv, serverEnv } from '@passerelle/subgraph-kit';
import type { Partenaire } from './bailleurs';

/** Environment of the social landlords' subgraph: one legacy client per landlord (`BAILLEURS_RAH_LEGACY_URL`…, keys `rahLegacyUrl`…). */
export const bailleursEnv = {
  ...serverEnv('BAILLEURS', 4005),
  ...namedLegacyEnv('rah', 'BAILLEURS_RAH', 'Rodez Agglo Habitat', 'http://127.0.0.1:4100/rah', 'dev-rah-4a90e7'),
  ...namedLegacyEnv('ah', 'BAILLEURS_AH', 'Aveyron Habitat', 'http://127.0.0.1:4100/ah', 'dev-ah-e81f5b'),
  ...gatewayContextEnv(),
};

export type BailleursConfig = ConfigOf<typeof bailleursEnv>;

/** The legacy-client settings of one landlord. */
export function landlordClientConfig(config: BailleursConfig, partenaire: Partenaire) {
  return legacyClientOptionsOf(config, partenaire);
}
