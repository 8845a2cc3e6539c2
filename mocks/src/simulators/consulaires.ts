import type { Population } from '../population/createPopulation';
import { ageAt } from '../population/ageAt';
import type { Personne } from '../population/types';

/**
 * What the three chambres consulaires' simulators (cci, cma, chambre-agriculture) share: a
 * stable hash per person, SIRENs with a valid check digit, date arithmetic, and who among the
 * synthetic population may be an entrepreneur. Each chamber's own records are in its folder.
 */

/** FNV-1a of a text: a stable pseudo-random number, so derived records never change between runs. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

/** A SIREN: 8 digits from `seed`, then the Luhn check digit INSEE uses. */
export function sirenOf(seed: number): string {
  const base = String(10_000_000 + (seed % 89_999_990));
  for (let key = 0; key <= 9; key += 1) if (luhnValid(`${base}${key}`)) return `${base}${key}`;
  throw new RangeError('no Luhn key');
}

/** The Luhn check SIRENs satisfy. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  [...digits].reverse().forEach((d, i) => {
    const n = Number(d) * (i % 2 === 1 ? 2 : 1);
    sum += n > 9 ? n - 9 : n;
  });
  return sum % 10 === 0;
}

/** `YYYY-MM-DD` plus `days`. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The people of the random population (never a persona) of working age, with their hash salted per chamber. */
export function workingAgeAdults(population: Population, salt: string): Array<{ personne: Personne; hash: number }> {
  const personas = new Set(population.personas.map((p) => p.ref));
  return population.personnes
    .filter((p) => !personas.has(p.ref) && !p.ref.startsWith('persona:'))
    .filter((p) => {
      const age = ageAt(p.dateNaissance);
      return age >= 20 && age <= 66;
    })
    .map((personne) => ({ personne, hash: stableHash(`${salt}:${personne.nir}`) }));
}

/** Upper case without accents, as older registers typed names. */
export function registerCase(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();
}
