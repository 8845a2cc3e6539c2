import type { CritereRapprochement, MatchScore } from './matchIdentity';

/** Outcome of matching one person against a partner's records. */
export type StatutRapprochement = 'CERTAIN' | 'PROBABLE' | 'AMBIGU' | 'AUCUN';

export interface MatchDecision<T> {
  statut: StatutRapprochement;
  /** The record retained; null when none or ambiguous. */
  retenu: T | null;
  score: number | null;
  criteres: CritereRapprochement[];
  /** Number of records that passed the threshold. */
  candidats: number;
}

/** Thresholds of the decision, in one place so they can be reviewed. */
export const matchThresholds = {
  /** At or above: the match is certain. */
  certain: 0.95,
  /** At or above: a probable match, retained. Below: ignored. */
  probable: 0.8,
  /** Two candidates closer than this are indistinguishable: ambiguous. */
  ambiguityMargin: 0.05,
} as const;

/**
 * Picks the record that matches, or refuses: when two or more records match about as well,
 * the answer is AMBIGU and nothing is retained, rather than guessing the wrong person.
 */
export function decideMatch<T>(scored: ReadonlyArray<{ record: T; match: MatchScore }>): MatchDecision<T> {
  const passing = scored.filter((s) => s.match.score >= matchThresholds.probable).sort((x, y) => y.match.score - x.match.score);
  const [best, second] = passing;
  if (!best) return { statut: 'AUCUN', retenu: null, score: null, criteres: [], candidats: 0 };
  if (second && best.match.score - second.match.score < matchThresholds.ambiguityMargin) {
    return { statut: 'AMBIGU', retenu: null, score: best.match.score, criteres: best.match.criteres, candidats: passing.length };
  }
  return {
    statut: best.match.score >= matchThresholds.certain ? 'CERTAIN' : 'PROBABLE',
    retenu: best.record,
    score: best.match.score,
    criteres: best.match.criteres,
    candidats: passing.length,
  };
}
