/** Options of `createRestartPolicy`. */
export interface RestartPolicyOptions {
  /** Delay before the first restart, doubled at each crash counted in the window. @default 500 */
  baseMs?: number;
  /** Longest delay. @default 30000 */
  maxMs?: number;
  /** Crashes of one worker slot within `windowMs` after which the primary gives up. @default 5 */
  maxCrashes?: number;
  /** @default 60000 */
  windowMs?: number;
}

/**
 * When to start again a worker that died unexpectedly: after a delay that doubles with each crash
 * of the same slot in the last `windowMs` (a crash loop must not burn the CPU the other workers
 * serve with), and not at all after `maxCrashes` of them: the primary then stops, so that the
 * supervisor (systemd, Kubernetes) sees a failed gateway instead of a silently smaller one.
 */
export function createRestartPolicy(options: RestartPolicyOptions = {}): { crashed(slot: number, now: number): number | null } {
  const { baseMs = 500, maxMs = 30_000, maxCrashes = 5, windowMs = 60_000 } = options;
  const crashes = new Map<number, number[]>();
  return {
    crashed(slot, now) {
      const recent = (crashes.get(slot) ?? []).filter((time) => now - time < windowMs);
      recent.push(now);
      crashes.set(slot, recent);
      if (recent.length > maxCrashes) return null;
      return Math.min(maxMs, baseMs * 2 ** (recent.length - 1));
    },
  };
}
