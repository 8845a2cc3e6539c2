import { maxPseudonymes, passerelleError } from '@passerelle/subgraph-kit';

/** A pseudonym as partners compute it: HMAC-SHA-256, base64url without padding (kit statistics/pseudonymes.ts). */
const formePseudonyme = /^[A-Za-z0-9_-]{43}$/;

/**
 * Checks one partner's answer: a list of pseudonyms, each well formed, at most `maxPseudonymes`.
 * Fails closed: a list too long is CROISEMENT_TROP_VOLUMINEUX, anything else malformed
 * PARTENAIRE_REPONSE_INVALIDE, both naming the partner; never a count from part of a list.
 */
export function lirePseudonymes(value: unknown, partenaire: string): ReadonlySet<string> {
  if (!Array.isArray(value)) throw passerelleError('PARTENAIRE_REPONSE_INVALIDE', 'The partner answered a crossing without a list of pseudonyms.', { partenaire });
  if (value.length > maxPseudonymes) throw passerelleError('CROISEMENT_TROP_VOLUMINEUX', `The partner returned more than ${maxPseudonymes} pseudonyms.`, { partenaire });
  if (!value.every((p): p is string => typeof p === 'string' && formePseudonyme.test(p))) {
    throw passerelleError('PARTENAIRE_REPONSE_INVALIDE', 'The partner answered a crossing with something that is not a pseudonym.', { partenaire });
  }
  return new Set(value);
}

/** How many pseudonyms both sides hold: the crossing's count, before secrecy. Computed in memory, kept nowhere. */
export function compterIntersection(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [petit, grand] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const p of petit) if (grand.has(p)) n += 1;
  return n;
}
