import { buildNir } from '@passerelle/subgraph-kit/identity';

/**
 * A NIR with a valid key that nobody in any generated population has: its birth month is 99
 * (an unknown month, which the population never uses) and its birth place 99999. Different
 * `ordre`s give different NIRs, for tests that need several unknown people.
 */
export function unknownNir(ordre = 1): string {
  return buildNir({ sexe: 1, annee: 1999, mois: 99, lieu: '99999', ordre });
}
