import { checkNir, passerelleError } from '@passerelle/subgraph-kit';
import type { AccueilContext } from './context';

/**
 * The key of a person the identity register does not know yet: `PRV` and 12 digits, never a valid
 * NIR. It travels as `Usager.nir` and is sealed in the usager id like a NIR; the reception
 * network's system records people under it until their NIR is known (mocks/docs/accueil.md).
 */
export const cleProvisoirePattern = /^PRV\d{12}$/;

/** The key the reception network records a person under: a valid NIR (normalised) or a provisional key; null for anything else. */
export function cleUsagerDe(key: string): string | null {
  if (cleProvisoirePattern.test(key)) return key;
  const check = checkNir(key);
  return check.valide ? check.nir : null;
}

/** The key behind an opaque usager id; IDENTIFIANT_USAGER_INVALIDE for an id Passerelle did not issue. */
export function cleDeUsagerId(ctx: AccueilContext, usagerId: string): string {
  const decoded = ctx.usagerIds.decode(usagerId);
  const cle = decoded === null ? null : cleUsagerDe(decoded);
  if (cle === null) throw passerelleError('IDENTIFIANT_USAGER_INVALIDE', 'This usager id was not issued by Passerelle.', { argument: 'usagerId' });
  return cle;
}
