/** The `JourSemaine` enum values, Monday first: the directory numbers days 1 (Monday) to 7. */
export const joursSemaine = ['LUNDI', 'MARDI', 'MERCREDI', 'JEUDI', 'VENDREDI', 'SAMEDI', 'DIMANCHE'] as const;
export type JourSemaine = (typeof joursSemaine)[number];

/** Directory day number (1–7, checked by the legacy schema) → `JourSemaine`. */
export function jourDeNumero(jour: number): JourSemaine {
  const found = joursSemaine[jour - 1];
  if (!found) throw new RangeError('expected a day number from 1 to 7');
  return found;
}

/** `HHMM` → `HH:MM`. */
export function toHeure(hhmm: string): string {
  return `${hhmm.slice(0, 2)}:${hhmm.slice(2, 4)}`;
}
