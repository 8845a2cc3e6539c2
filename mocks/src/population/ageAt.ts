import { dateObservation } from './scale2025';

/** Age in whole years at the observation date. */
export function ageAt(dateNaissance: string, at: string = dateObservation): number {
  const [by = 0, bm = 0, bd = 0] = dateNaissance.split('-').map(Number);
  const [ay = 0, am = 0, ad = 0] = at.split('-').map(Number);
  return ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
}

/** The first day of the month `monthsBack` months before the observation date, `YYYY-MM-DD`, on day `day`. */
export function monthsBefore(monthsBack: number, day = 5, at: string = dateObservation): string {
  const [y = 0, m = 1] = at.split('-').map(Number);
  const total = y * 12 + (m - 1) - monthsBack;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
