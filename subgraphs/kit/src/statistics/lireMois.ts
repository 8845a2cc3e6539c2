import { passerelleError } from '../errors/passerelleError';

/** A month of the statistics' period grid: `YYYY-MM`, with its first and last days (ISO). */
export interface Mois {
  mois: string;
  premierJour: string;
  dernierJour: string;
}

const format = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** The oldest month asked of the partners' systems: none keeps statistics further back. */
export const premierMoisStatistique = '2015-01';

/**
 * Reads the `mois` argument: a month `YYYY-MM` that has ended (figures are as of its last day)
 * and not before `premierMoisStatistique`. Anything else is ARGUMENT_INVALIDE naming `mois`.
 * Months are the only periods: disjoint by construction, so no two periods overlap
 * (docs/statistics.md).
 */
export function lireMois(valeur: unknown, maintenant: Date = new Date()): Mois {
  const match = typeof valeur === 'string' ? format.exec(valeur) : null;
  if (match === null) throw passerelleError('ARGUMENT_INVALIDE', 'mois must be a month written YYYY-MM.', { argument: 'mois' });
  const courant = maintenant.toISOString().slice(0, 7);
  if ((valeur as string) >= courant) throw passerelleError('ARGUMENT_INVALIDE', `mois must be a month that has ended (before ${courant}).`, { argument: 'mois' });
  if ((valeur as string) < premierMoisStatistique) throw passerelleError('ARGUMENT_INVALIDE', `mois must be ${premierMoisStatistique} or later.`, { argument: 'mois' });
  const annee = Number(match[1]);
  const m = Number(match[2]);
  const dernier = new Date(Date.UTC(annee, m, 0)).getUTCDate();
  return { mois: valeur as string, premierJour: `${valeur as string}-01`, dernierJour: `${valeur as string}-${String(dernier).padStart(2, '0')}` };
}

/**
 * The month before `mois` (already read by `lireMois`), or null for `premierMoisStatistique`: no
 * system keeps figures further back, so nothing of that month is ever published.
 */
export function moisPrecedent(mois: Mois): Mois | null {
  if (mois.mois <= premierMoisStatistique) return null;
  const [annee, m] = [Number(mois.mois.slice(0, 4)), Number(mois.mois.slice(5, 7))];
  const precedent = m === 1 ? `${annee - 1}-12` : `${annee}-${String(m - 1).padStart(2, '0')}`;
  const dernier = new Date(Date.UTC(Number(precedent.slice(0, 4)), Number(precedent.slice(5, 7)), 0)).getUTCDate();
  return { mois: precedent, premierJour: `${precedent}-01`, dernierJour: `${precedent}-${String(dernier).padStart(2, '0')}` };
}
