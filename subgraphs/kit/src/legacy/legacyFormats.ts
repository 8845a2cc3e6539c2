/** `YYYYMMDD` (legacy) → `YYYY-MM-DD`; `00` month or day (unknown) shortens the date. */
export function parseLegacyDate(raw: string): string {
  if (!/^\d{8}$/.test(raw)) throw new RangeError('expected a YYYYMMDD date');
  const [year, month, day] = [raw.slice(0, 4), raw.slice(4, 6), raw.slice(6, 8)];
  if (month === '00') return year;
  if (day === '00') return `${year}-${month}`;
  return `${year}-${month}-${day}`;
}

/** `YYYY-MM-DD` → `YYYYMMDD` (partial dates padded with `00`). */
export function formatLegacyDate(iso: string): string {
  const [year = '', month = '00', day = '00'] = iso.split('-');
  return `${year}${month}${day}`;
}

/** Integer cents (legacy) → euros with two decimals. */
export function centsToEuros(cents: number): number {
  return Math.round(cents) / 100;
}
