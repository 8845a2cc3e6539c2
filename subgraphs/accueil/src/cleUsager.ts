import { checkNir, isProvisionalKey, passerelleError } from '@passerelle/subgraph-kit';
import type { AccueilContext } from './context';

/**
 * The key the reception network records a person under: a valid NIR (normalised) or the
 * provisional key of a person the identity register does not know yet (the kit's
 * `isProvisionalKey`; the reception network's system records people under it until their NIR is
 * known, mocks/docs/accueil.md); null for anything else.
 */
export function cleUsagerDe(key: string): string | null {
  if (isProvisionalKey(key)) return key;
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
