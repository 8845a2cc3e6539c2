/**
 * The key of a provisional identity: a person unknown to the identity register, welcomed at
 * reception, gets one from the agency's register of provisional identities (mocks/docs/rip.md).
 * It travels where a NIR travels (`Usager.nir`, sealed in the opaque id) and is never a valid
 * NIR (a NIR starts with a digit), so a partner keyed on the NIR cannot mistake it for one.
 */
export const provisionalKeyPattern = /^PRV\d{12}$/;

/** True when `key` is a provisional key (`PRV` + 12 digits), not a NIR. */
export function isProvisionalKey(key: unknown): key is string {
  return typeof key === 'string' && provisionalKeyPattern.test(key);
}
