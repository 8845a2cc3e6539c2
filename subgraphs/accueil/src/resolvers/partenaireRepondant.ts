import { activeRoles, passerelleError, type AppelPasserelle } from '@passerelle/subgraph-kit';

/**
 * The partner the caller answers referrals for: an agent's partner (token claim `partenaire`),
 * when the role `agent` is active for the purpose; otherwise ACCES_REFUSE. From the gateway's
 * signed context, never an argument: the gateway's `@requiresScopes` lets any agent through, as
 * it cannot know whom a referral is addressed to (docs/security.md, "Who answers a referral").
 */
export function partenaireRepondant(appel: AppelPasserelle): string {
  const { caller, finalite } = appel;
  if (caller === null) throw passerelleError('NON_AUTHENTIFIE', 'Answering a referral needs an identified caller.', { partenaire: 'accueil' });
  const agent = finalite !== null && activeRoles(caller, finalite).includes('agent');
  if (!agent || caller.partenaire === null) throw passerelleError('ACCES_REFUSE', "Only the agents of a referral's partner answer it.", { partenaire: 'accueil' });
  return caller.partenaire;
}
