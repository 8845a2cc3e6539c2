/** `n` to one decimal. */
export const round1 = (n: number): number => Math.round(n * 10) / 10;

/** The p-th percentile (0–100, nearest rank) of `sorted`, ascending; 0 when it is empty. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
