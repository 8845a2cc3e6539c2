/**
 * The unknowns of a system of linear equations that the equations determine exactly, whatever
 * the other unknowns are: the attacker's question "which suppressed cells can I compute from
 * what was published?". Each equation lists the unknowns it involves with their coefficients;
 * its constant (the published part) does not matter for determinacy.
 *
 * An unknown u is determined iff the unit vector e_u lies in the row space of the coefficients:
 * after reduction to row echelon form, iff u is a pivot column whose row has no other non-zero
 * entry. Coefficients are small integers (±1 sums), so elimination in floating point with a
 * tolerance is exact enough for the tables' sizes (a few hundred unknowns at most).
 */
export function valeursDeterminees(nombreInconnues: number, equations: ReadonlyArray<ReadonlyArray<readonly [inconnue: number, coefficient: number]>>): Set<number> {
  const epsilon = 1e-9;
  const rows = equations.map((eq) => {
    const row = new Array<number>(nombreInconnues).fill(0);
    for (const [u, c] of eq) row[u]! += c;
    return row;
  });
  const pivotRows: number[] = [];
  const pivotColumns: number[] = [];
  let r = 0;
  for (let col = 0; col < nombreInconnues && r < rows.length; col++) {
    let best = r;
    for (let i = r + 1; i < rows.length; i++) if (Math.abs(rows[i]![col]!) > Math.abs(rows[best]![col]!)) best = i;
    if (Math.abs(rows[best]![col]!) < epsilon) continue;
    [rows[r], rows[best]] = [rows[best]!, rows[r]!];
    const pivot = rows[r]!;
    const p = pivot[col]!;
    for (let k = 0; k < nombreInconnues; k++) pivot[k]! /= p;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const f = rows[i]![col]!;
      if (Math.abs(f) < epsilon) continue;
      for (let k = 0; k < nombreInconnues; k++) rows[i]![k]! -= f * pivot[k]!;
    }
    pivotRows.push(r);
    pivotColumns.push(col);
    r++;
  }
  const determinees = new Set<number>();
  pivotRows.forEach((row, i) => {
    const col = pivotColumns[i]!;
    if (rows[row]!.every((v, k) => k === col || Math.abs(v) < epsilon)) determinees.add(col);
  });
  return determinees;
}
