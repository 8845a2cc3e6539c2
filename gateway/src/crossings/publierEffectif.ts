import { seuilSecret, type MotifSecret } from '@passerelle/subgraph-kit';

/** A count as published: the figure, or null and why. */
export interface EffectifPublie {
  effectif: number | null;
  secret: MotifSecret | null;
}

/**
 * The kit's primary secrecy on a crossing's count: under 11 (zero included) it is suppressed.
 * A crossing is one figure, not a table, so there is no margin to protect: each criterion's own
 * count is a partner's table, and the crossing is not the difference of two published figures.
 */
export function publierEffectif(effectif: number): EffectifPublie {
  return effectif < seuilSecret ? { effectif: null, secret: 'EFFECTIF_INFERIEUR_AU_SEUIL' } : { effectif, secret: null };
}
