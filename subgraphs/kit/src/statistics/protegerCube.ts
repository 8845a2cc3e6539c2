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

/** A figure of one of several cubes protected together: the cube's rank, then (i, j) as in `CubeProtege.valeur`. */
export type Figure = readonly [cube: number, i: number, j: number];

/**
 * A linear relation the published figures of several cubes obey besides their own lines (a stock
 * at the end of a period minus the stock at its start equals entries minus exits): the figures of
 * the cubes protected together with their coefficients. Figures of other publications are left
 * out: known to the attacker or not, they only change the relation's constant, which does not
 * matter for what it determines.
 */
export type Lien = ReadonlyArray<readonly [figure: Figure, coefficient: number]>;

/**
 * Applies statistical secrecy to the whole finest grid with its margins, once per statistic
 * and period (docs/statistics.md): `protegerCubesLies` for one cube and no link.
 */
export function protegerCube(cube: Cube): CubeProtege {
  return protegerCubesLies([cube], [])[0]!;
}

/** Every figure of a cube with its margins, counts and amounts summed from the finest grid. */
function grille(cube: Cube): ValeurProtegee[][] {
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
  return grid;
}

/**
 * Applies statistical secrecy to several cubes at once, each whole with its margins, taking into
 * account the links between them (docs/statistics.md):
 *
 * 1. primary: every figure (cell or margin) counting fewer than `seuilSecret` is suppressed;
 * 2. secondary, line by line: a line (a row or a column of a cube with its margin, e.g. the
 *    communes of one benefit and their total, or a link) holding exactly one suppressed figure
 *    gets its smallest published figure suppressed too, until every line has none or at least two;
 * 3. verification: the attacker's linear system (every line's sum and every link, with every
 *    published figure known) is solved; while a suppressed figure is still determined (e.g. a
 *    suppressed cell linking two otherwise separate groups of suppressions), the smallest
 *    published figure of its row (else its column, else a link it is in, else its cube) is
 *    suppressed and step 2 runs again. Suppressions only grow, so this ends.
 *
 * Amounts follow the counts: an amount is published exactly where its count is, so amounts
 * have the same suppression pattern, which the same verification shows to be safe.
 *
 * `priorites` (one per cube, 0 by default) orders the choice of a secondary suppression: a figure
 * of a cube with a lower priority is taken before any of a higher one, the smallest first within
 * a priority. A publication other figures depend on (a stock whose flows are only published where
 * it is, protegerFlux) keeps its figures when a linked cube can give one instead.
 */
export function protegerCubesLies(cubes: readonly Cube[], liens: readonly Lien[], priorites: readonly number[] = []): CubeProtege[] {
  const grids = cubes.map(grille);
  const at = ([c, i, j]: Figure) => grids[c]![i]![j]!;
  for (const grid of grids) for (const row of grid) for (const v of row) if (v.effectif < seuilSecret) v.secret = 'EFFECTIF_INFERIEUR_AU_SEUIL';

  // Each line as an equation: its members with coefficient 1, its total -1; then the links.
  const equations: Lien[] = [];
  const rowOf: number[][] = [];
  const colOf: number[][] = [];
  grids.forEach((grid, c) => {
    const na = grid.length - 1;
    const nb = grid[0]!.length - 1;
    rowOf.push([]);
    colOf.push([]);
    for (let i = 0; i <= na; i++) {
      rowOf[c]!.push(equations.length);
      equations.push(Array.from({ length: nb + 1 }, (_, j) => [[c, i, j] as const, j === nb ? -1 : 1] as const));
    }
    for (let j = 0; j <= nb; j++) {
      colOf[c]!.push(equations.length);
      equations.push(Array.from({ length: na + 1 }, (_, i) => [[c, i, j] as const, i === na ? -1 : 1] as const));
    }
  });
  const premierLien = equations.length;
  equations.push(...liens);

  const suppressSmallest = (members: readonly Figure[]): boolean => {
    const rang = (f: Figure) => priorites[f[0]] ?? 0;
    const candidates = members.filter((p) => at(p).secret === null).sort((p, q) => rang(p) - rang(q) || at(p).effectif - at(q).effectif);
    const chosen = candidates[0];
    if (chosen === undefined) return false;
    at(chosen).secret = 'SECRET_SECONDAIRE';
    return true;
  };
  const membres = (equation: Lien) => equation.map(([f]) => f);
  const everyFigure = (c: number) => grids[c]!.flatMap((row, x) => row.map((_, y) => [c, x, y] as const));

  for (;;) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const equation of equations) if (equation.filter(([f]) => at(f).secret !== null).length === 1) changed = suppressSmallest(membres(equation)) || changed;
    }
    const unknowns = grids.flatMap((_, c) => everyFigure(c)).filter((f) => at(f).secret !== null);
    const index = new Map(unknowns.map((f, k) => [f.join(','), k]));
    const system = equations.map((equation) =>
      equation.flatMap(([f, coefficient]) => {
        const u = index.get(f.join(','));
        return u === undefined ? [] : [[u, coefficient] as const];
      }),
    );
    const first = [...valeursDeterminees(unknowns.length, system)][0];
    if (first === undefined) break;
    const [c, i, j] = unknowns[first]!;
    const itsLinks = equations.slice(premierLien).filter((equation) => equation.some(([f]) => f.join(',') === `${c},${i},${j}`));
    // Some figure must still be published, since a table with every figure suppressed determines none of them.
    const ways = [membres(equations[rowOf[c]![i]!]!), membres(equations[colOf[c]![j]!]!), ...itsLinks.map(membres), everyFigure(c)];
    if (!ways.some((members) => suppressSmallest(members))) break;
  }

  return cubes.map((cube, c) => ({ cube, valeur: (i, j) => grids[c]![i]![j]! }));
}

/**
 * A cube of which no figure is published: those under the threshold for that reason, the others
 * to protect figures of other publications (`SECRET_SECONDAIRE`).
 */
export function cubeToutSecret(cube: Cube): CubeProtege {
  const grid = grille(cube);
  for (const row of grid) for (const v of row) v.secret = v.effectif < seuilSecret ? 'EFFECTIF_INFERIEUR_AU_SEUIL' : 'SECRET_SECONDAIRE';
  return { cube, valeur: (i, j) => grid[i]![j]! };
}
