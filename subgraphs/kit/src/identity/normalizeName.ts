/**
 * Normalises a name for comparison: no accents, upper case, hyphens, apostrophes and
 * multiple spaces folded into single spaces. "Marie-Hélène d'Arc" → "MARIE HELENE D ARC".
 */
export function normalizeName(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/Œ/g, 'OE')
    .replace(/Æ/g, 'AE')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** The words of a normalised name, e.g. for compound names recorded in another order. */
export function nameTokens(raw: string): string[] {
  const normalized = normalizeName(raw);
  return normalized === '' ? [] : normalized.split(' ');
}

/** Levenshtein similarity in [0, 1] of two normalised strings. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return 1 - (previous[b.length] ?? 0) / Math.max(a.length, b.length);
}
