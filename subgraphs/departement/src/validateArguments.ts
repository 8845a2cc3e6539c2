import { passerelleError, type UsagerIdCodec } from '@passerelle/subgraph-kit';

/**
 * Checks of mutation and query arguments, made before any call to the Département's system so
 * that a malformed request costs nothing and says which argument is wrong.
 */
export const argumentInvalide = (argument: string, message: string) => passerelleError('ARGUMENT_INVALIDE', message, { argument });

/** The NIR sealed in an opaque usager id. */
export function nirOfUsagerId(codec: UsagerIdCodec, usagerId: string): string {
  const nir = codec.decode(usagerId);
  if (!nir) throw passerelleError('IDENTIFIANT_USAGER_INVALIDE', 'This usager id was not issued by Passerelle.', { argument: 'usagerId' });
  return nir;
}

/** The same rule as the reception network's referrals, so a client uses one kind of key everywhere. */
export function cleIdempotence(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(value)) throw argumentInvalide('cleIdempotence', 'cleIdempotence must be 8 to 64 letters, digits, - or _.');
  return value;
}

/** Trimmed text of 1 to `max` characters. */
export function texte(value: string, argument: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > max) throw argumentInvalide(argument, `${argument} must be 1 to ${max} characters.`);
  return trimmed;
}

/** A real calendar date `YYYY-MM-DD` → the legacy `YYYYMMDD`. */
export function dateIso(value: string, argument: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || !date.toISOString().startsWith(value)) {
    throw argumentInvalide(argument, `${argument} must be a date, YYYY-MM-DD.`);
  }
  return value.replaceAll('-', '');
}

/** `HH:MM` (24 h) → the legacy `HHMM`. */
export function heure(value: string, argument = 'heure'): string {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) throw argumentInvalide(argument, `${argument} must be HH:MM (24 h).`);
  return value.replace(':', '');
}

/** An integer within bounds. */
export function entier(value: number | null | undefined, argument: string, min: number, max: number): number {
  if (value === null || value === undefined || !Number.isInteger(value) || value < min || value > max) throw argumentInvalide(argument, `${argument} must be between ${min} and ${max}.`);
  return value;
}

/** The objectives of a contract: 1 to 10, duplicates dropped. */
export function objectifIds(ids: readonly string[]): string[] {
  const unique = [...new Set(ids)];
  if (unique.length < 1 || unique.length > 10) throw argumentInvalide('objectifIds', 'objectifIds must name 1 to 10 objectives.');
  return unique;
}

/** A period whose end comes after its start (both legacy dates). */
export function periode(debut: string, fin: string): void {
  if (fin <= debut) throw argumentInvalide('dateFin', 'dateFin must come after dateDebut.');
}
