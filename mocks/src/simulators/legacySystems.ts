import type { LegacySystem } from './LegacySystem';
import { discoverLegacySystems } from './discoverLegacySystems';

/**
 * Every simulated legacy system of this repository, discovered from its folder under
 * mocks/src/simulators (a new partner's simulator is a new folder, and nothing else).
 */
export const legacySystems: readonly LegacySystem[] = discoverLegacySystems();

export function legacySystem(name: string): LegacySystem {
  const found = legacySystems.find((s) => s.name === name);
  if (!found) throw new RangeError(`unknown legacy system ${name}`);
  return found;
}
