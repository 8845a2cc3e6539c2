import { dateObservation } from '../../population/scale2025';

/** The Département system's "today": the date the simulated world is observed at, so that tests never drift. */
export const aujourdhui = dateObservation;

/** `YYYY-MM-DD` plus `days` days. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` → `YYYYMMDD`. */
export function legacy(iso: string): string {
  return iso.replaceAll('-', '');
}

/** A stable pseudo-random integer for a string (FNV-1a): the same person always gets the same draw. */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
