import { ageAt } from '../../population/ageAt';
import { dateObservation } from '../../population/scale2025';

/**
 * Scale of the rémunération des stagiaires de la formation professionnelle for a job seeker
 * (décret n° 2021-522 of 29 April 2021, in force since 1 May 2021), by age at entry:
 * `M18` under 18, `J25` 18 to 25, `J25A` under 26 with earlier salaried work (6 months in 12
 * or 12 in 24, since June 2021), `A26` 26 and over. Mainland amounts; Mayotte's are lower.
 */
export type CodeBareme = 'M18' | 'J25' | 'J25A' | 'A26';

/** Monthly amount of each scale, in cents: 200 €, 500 €, 685 €, 685 €. */
export const baremeMensuelCents: Readonly<Record<CodeBareme, number>> = { M18: 20_000, J25: 50_000, J25A: 68_500, A26: 68_500 };

/** The scale of a trainee entering on `dateEntree` (both `YYYY-MM-DD`). */
export function baremeOf(dateNaissance: string, dateEntree: string, activiteSalarieeAnterieure: boolean): CodeBareme {
  const age = ageAt(dateNaissance, dateEntree);
  if (age < 18) return 'M18';
  if (age < 26) return activiteSalarieeAnterieure ? 'J25A' : 'J25';
  return 'A26';
}

/** One monthly payment: the month it pays (`YYYY-MM`), when the ASP paid it (`YYYY-MM-DD`), the amount in cents. */
export interface Versement {
  periode: string;
  dateVersement: string;
  montantCents: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The payments of a remuneration from `debut` to `fin` (inclusive, `YYYY-MM-DD`) that the ASP
 * has made by the observation month, most recent first, at most `max`. Paid monthly in arrears,
 * on the 6th of the next month *(payment day unverified)*; a month attended in part is paid in
 * thirtieths of the monthly amount (the simulator's simplification of the pro rata).
 */
export function versementsOf(montantCents: number, debut: string, fin: string, max = 6): Versement[] {
  const paid: Versement[] = [];
  let [year = 0, month = 0] = debut.split('-').map(Number);
  for (;;) {
    const first = `${year}-${pad(month)}-01`;
    const last = `${year}-${pad(month)}-${pad(daysIn(year, month))}`;
    if (first > fin) break;
    const [next, nextMonth] = month === 12 ? [year + 1, 1] : [year, month + 1];
    const dateVersement = `${next}-${pad(nextMonth)}-06`;
    // The simulation stands in its observation month, as the other systems' payments do.
    if (dateVersement.slice(0, 7) > dateObservation.slice(0, 7)) break;
    const from = debut > first ? debut : first;
    const to = fin < last ? fin : last;
    const whole = from === first && to === last;
    const days = Math.min(30, Number(to.slice(8)) - Number(from.slice(8)) + 1);
    paid.push({ periode: `${year}-${pad(month)}`, dateVersement, montantCents: whole ? montantCents : Math.round((montantCents * days) / 30) });
    [year, month] = [next, nextMonth];
  }
  return paid.reverse().slice(0, max);
}
