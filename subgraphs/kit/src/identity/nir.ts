/**
 * The NIR (numéro d'inscription au répertoire): 13 characters + a 2-digit key.
 * sex (1/2, 7/8 provisional) · year (2) · month (2) · birth place (5: département 2 chars
 * incl. 2A/2B + commune 3, or overseas département 3 + commune 2, or 99 + country 3)
 * · order (3) · key (2). Key = 97 − (number mod 97), with 2A → 19 and 2B → 18.
 */
const nirPattern = /^[1278]\d{2}(0[1-9]|1[0-2]|[2-9]\d)(2A|2B|\d{2})\d{3}\d{3}\d{2}$/;

/** Why a string is not a valid NIR (never echoes the value). */
export type NirProblem = 'format' | 'cle';

export type NirCheck = { valide: true; nir: string } | { valide: false; probleme: NirProblem };

/** Removes spaces and dots, upper-cases 2a/2b. */
export function normalizeNir(raw: string): string {
  return raw.replace(/[\s.]/g, '').toUpperCase();
}

/** The control key of the first 13 characters of a NIR. */
export function computeNirKey(first13: string): string {
  const numeric = first13.replace('2A', '19').replace('2B', '18');
  if (!/^\d{13}$/.test(numeric)) throw new RangeError('expected 13 NIR characters');
  const key = 97 - Number(BigInt(numeric) % 97n);
  return key.toString().padStart(2, '0');
}

/** Checks format and key. Corsican NIRs (2A/2B) are computed with their numeric substitutes. */
export function checkNir(raw: string): NirCheck {
  const nir = normalizeNir(raw);
  if (!nirPattern.test(nir)) return { valide: false, probleme: 'format' };
  // 2A/2B only exist for births from 1976 on, but we do not reject older ones: the
  // register itself back-filled some. The key decides.
  if (computeNirKey(nir.slice(0, 13)) !== nir.slice(13)) return { valide: false, probleme: 'cle' };
  return { valide: true, nir };
}

/** Builds a full NIR (with its key) from its parts; used by the simulators. */
export function buildNir(parts: { sexe: 1 | 2; annee: number; mois: number; lieu: string; ordre: number }): string {
  const first13 = `${parts.sexe}${String(parts.annee % 100).padStart(2, '0')}${String(parts.mois).padStart(2, '0')}` + `${parts.lieu}${String(parts.ordre).padStart(3, '0')}`;
  return first13 + computeNirKey(first13);
}
