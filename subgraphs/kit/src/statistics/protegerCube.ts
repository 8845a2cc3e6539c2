import { cleCellule, type Cube } from './Cube';
import { seuilSecret, type MotifSecret } from './seuilSecret';
import { valeursDeterminees } from './valeursDeterminees';

/** One figure of a protected cube: a cell of the finest grid or one of its margins. */
export interface ValeurProtegee {
  effectif: number;
  montantCents: number | null;
  /** Null when published. */
  secret: MotifSecret | null;
}

/**
 * A cube with its margins, after statistical secrecy: `valeur(i, j)` for i in 0..nA and j in
 * 0..nB, where i = nA is the margin over the first dimension ("all of A") and j = nB the margin
 * over the second. Every figure any query on this statistic and period can publish is one of
 * these, so what the queries publish together is exactly this table's published part.
 */
export interface CubeProtege {
  cube: Cube;
  valeur(i: number, j: number): ValeurProtegee;
}

/**
 * Applies statistical secrecy to the whole finest grid with its margins, once per statistic
 * and period (docs/statistics.md):
 *
 * 1. primary: every figure (cell or margin) counting fewer than `seuilSecret` is suppressed;
 * 2. secondary, line by line: a line (a row or a column with its margin, e.g. the communes of
 *    one benefit and their total) holding exactly one suppressed figure gets its smallest
 *    published figure suppressed too, until every line has none or at least two;
 * 3. verification: the attacker's linear system (every line's sum, with every published figure
 *    known) is solved; while a suppressed figure is still determined (e.g. a suppressed cell
 *    linking two otherwise separate groups of suppressions), the smallest published figure of
 *    its row is suppressed and step 2 runs again. Suppressions only grow, so this ends.
 *
 * Amounts follow the counts: an amount is published exactly where its count is, so amounts
 * have the same suppression pattern, which the same verification shows to be safe.
 */
export function protegerCube(cube: Cube): CubeProtege {
  const [da, db] = cube.dimensions;
  const na = da.modalites.length;
  const nb = db.modalites.length;
  const grid: ValeurProtegee[][] = [];
  for (let i = 0; i <= na; i++) {
    grid.push([]);
    for (let j = 0; j <= nb; j++) grid[i]!.push({ effectif: 0, montantCents: cube.avecMontants ? 0 : null, secret: null });
  }
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) {
      const c = cube.comptages.get(cleCellule(da.modalites[i]!.code, db.modalites[j]!.code));
      if (c === undefined) continue;
      for (const [x, y] of [
        [i, j],
        [i, nb],
        [na, j],
        [na, nb],
      ] as const) {
        const v = grid[x]![y]!;
        v.effectif += c.effectif;
        if (v.montantCents !== null) v.montantCents += c.montantCents ?? 0;
      }
    }
  }
  const at = (p: readonly [number, number]) => grid[p[0]]![p[1]]!;

  for (const row of grid) for (const v of row) if (v.effectif < seuilSecret) v.secret = 'EFFECTIF_INFERIEUR_AU_SEUIL';

  // Each line: its members, the total last (coefficient -1 in the line's equation).
  const lines: Array<Array<readonly [number, number]>> = [];
  for (let i = 0; i <= na; i++) lines.push([...Array.from({ length: nb }, (_, j) => [i, j] as const), [i, nb] as const]);
  for (let j = 0; j <= nb; j++) lines.push([...Array.from({ length: na }, (_, i) => [i, j] as const), [na, j] as const]);

  const suppressSmallest = (members: ReadonlyArray<readonly [number, number]>): boolean => {
    const candidates = members.filter((p) => at(p).secret === null).sort((p, q) => at(p).effectif - at(q).effectif);
    const chosen = candidates[0];
    if (chosen === undefined) return false;
    at(chosen).secret = 'SECRET_SECONDAIRE';
    return true;
  };

  for (;;) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const line of lines) if (line.filter((p) => at(p).secret !== null).length === 1) changed = suppressSmallest(line) || changed;
    }
    const unknowns = grid.flatMap((row, i) => row.map((_, j) => [i, j] as const)).filter((p) => at(p).secret !== null);
    const index = new Map(unknowns.map((p, k) => [`${p[0]},${p[1]}`, k]));
    const equations = lines.map((line) =>
      line.flatMap((p, k) => {
        const u = index.get(`${p[0]},${p[1]}`);
        return u === undefined ? [] : [[u, k === line.length - 1 ? -1 : 1] as const];
      }),
    );
    const determined = [...valeursDeterminees(unknowns.length, equations)];
    const first = determined[0];
    if (first === undefined) break;
    const [i, j] = unknowns[first]!;
    // Its row, else its column, else anywhere: some figure must still be published, since a
    // table with every figure suppressed determines none of them.
    const everywhere = grid.flatMap((row, x) => row.map((_, y) => [x, y] as const));
    if (!suppressSmallest(lines[i]!) && !suppressSmallest(lines[na + 1 + j]!) && !suppressSmallest(everywhere)) break;
  }

  return { cube, valeur: (i, j) => grid[i]![j]! };
}
