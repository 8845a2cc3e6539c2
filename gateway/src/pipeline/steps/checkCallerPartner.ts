import { GraphQLError } from 'graphql';
import type { PartnerRegistry } from '../../partners/PartnerRegistry';
import type { RequestSecurity } from '../RequestSecurity';

/**
 * A partner agent's token names their partner; whether that partner exists is the supergraph's
 * to say, not a list in the gateway. A token naming a partner no subgraph declares is refused
 * before anything runs (its scopes would match nothing anyway, but a stale or forged claim is
 * worth saying so).
 */
export function checkCallerPartner(request: RequestSecurity, registry: PartnerRegistry): GraphQLError | null {
  const partenaire = request.caller?.partenaire ?? null;
  if (partenaire === null || registry.partners.has(partenaire)) return null;
  return new GraphQLError('The token names a partner this federation does not know.', { extensions: { code: 'JETON_INVALIDE' } });
}
