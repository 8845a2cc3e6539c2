/** `JJ/MM/AAAA` (the Région's dates) → ISO `YYYY-MM-DD`; the zod schemas have checked the format. */
export function parseDateFr(raw: string): string {
  const [jour, mois, annee] = raw.split('/');
  return `${annee}-${mois}-${jour}`;
}

/** ISO `YYYY-MM-DD` → `JJ/MM/AAAA`, as the Région's system expects dates of birth. */
export function formatDateFr(iso: string): string {
  const [annee, mois, jour] = iso.split('-');
  return `${jour}/${mois}/${annee}`;
}

/** `MM/AAAA` → `YYYY-MM`. */
export function parseMoisFr(raw: string): string {
  const [mois, annee] = raw.split('/');
  return `${annee}-${mois}`;
}

/** `"685,00"` (euros with a decimal comma) → 685. */
export function parseMontantFr(raw: string): number {
  return Number(raw.replace(',', '.'));
}
