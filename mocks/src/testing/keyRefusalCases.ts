import { legacySystem } from '../simulators/legacySystems';

/** The body every simulated legacy system answers a missing or wrong API key with. */
export const keyRefused = { code_erreur: 'AUTH_REFUSEE', libelle: "Clé d'API absente ou invalide" } as const;

/**
 * The calls each legacy system must refuse with 401, as `it.each` rows `[case, headers]`: no key,
 * a wrong key in its own header, and its real key in `otherHeader` — another system's header,
 * the mistake a client copied from another partner's would make.
 */
export function keyRefusalCases(system: string, otherHeader: string): Array<[string, Record<string, string>]> {
  const { apiKeyHeader, devApiKey } = legacySystem(system);
  if (otherHeader.toLowerCase() === apiKeyHeader.toLowerCase()) throw new RangeError(`${otherHeader} is ${system}'s own header`);
  return [
    ['without a key', {}],
    ['with a wrong key', { [apiKeyHeader]: 'wrong' }],
    [`with the key in ${otherHeader}`, { [otherHeader]: devApiKey }],
  ];
}
