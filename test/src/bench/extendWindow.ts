/** How long a saturation round's measured window lasts: at least its nominal length, longer while it has counted too few answers. */
export interface WindowRule {
  /** The nominal length, in s. */
  seconds: number;
  /** Answers the window should count; 0: the nominal length always. */
  minAnswers: number;
  /** The longest the window may last, in s, however few answers it counted. */
  maxSeconds: number;
}

/**
 * Called when the window reaches its current length, `lengthSeconds`, having counted `counted`
 * answers: the length it should have instead, or null to close it now. Short of `minAnswers`, the
 * window grows to the length that would count them at the rate seen so far, rounded up to a whole
 * second and capped at `maxSeconds` (with nothing answered yet, to the cap). A window closed at a
 * length decided before the answers it waits for, rather than at the instant of the last one
 * counted, does not favour whoever answers in bursts.
 *
 * Why: at saturation the slowest rows answer a few per second with p50s of several seconds, so a
 * 5 s window counts 40 or 50 answers that arrive in bursts; two rounds of one gateway were seen
 * 30 % apart (README, "Figures").
 */
export function extendWindow(rule: WindowRule, lengthSeconds: number, counted: number): number | null {
  if (counted >= rule.minAnswers || lengthSeconds >= rule.maxSeconds) return null;
  const wanted = counted === 0 ? rule.maxSeconds : Math.ceil((lengthSeconds * rule.minAnswers) / counted);
  return Math.min(rule.maxSeconds, Math.max(wanted, Math.floor(lengthSeconds) + 1));
}
