import { GraphQLError } from 'graphql';
import { cleCellule, lireMois, projeterCube, protegerCube, seuilSecret, valeursDeterminees, type Comptage, type Cube, type CubeProtege } from '../src/statistics/index';

const dimension = (code: string, argument: string, codes: string[]) => ({ code, argument, modalites: codes.map((c) => ({ code: c, libelle: `libellé ${c}` })) });

/** A cube from a matrix of counts (rows: first dimension), amounts 100 € per unit. */
function cubeDe(effectifs: number[][], avecMontants = true): Cube {
  const a = dimension(
    'A',
    'a',
    effectifs.map((_, i) => `a${i}`),
  );
  const b = dimension(
    'B',
    'b',
    effectifs[0]!.map((_, j) => `b${j}`),
  );
  const comptages = new Map<string, Comptage>();
  effectifs.forEach((row, i) => row.forEach((n, j) => n > 0 && comptages.set(cleCellule(`a${i}`, `b${j}`), { effectif: n, montantCents: avecMontants ? n * 10_000 : null })));
  return { dimensions: [a, b], comptages, avecMontants, dateReference: '2026-10-31' };
}

/** Every figure of the protected grid, margins included. */
function figures(p: CubeProtege) {
  const na = p.cube.dimensions[0].modalites.length;
  const nb = p.cube.dimensions[1].modalites.length;
  return Array.from({ length: na + 1 }, (_, i) => Array.from({ length: nb + 1 }, (_, j) => p.valeur(i, j)));
}

/**
 * The attacker: every table that can be queried (each dimension, unfiltered and filtered on each
 * modality of the other), their published figures and the relation "total = sum of cells" of each,
 * solved for the figures left unpublished. Returns those it determines.
 */
function attaque(p: CubeProtege): string[] {
  const [da, db] = p.cube.dimensions;
  const tables = [
    ...[undefined, ...db.modalites.map((m) => m.code)].map((b) => projeterCube(p, { par: 'A', b })),
    ...[undefined, ...da.modalites.map((m) => m.code)].map((a) => projeterCube(p, { par: 'B', a })),
  ];
  // A figure is identified by the two modalities it crosses ('*' for all).
  const id = (dim: string, modalite: string, filtre: { dimension: string; modalite: string } | null) => {
    const autre = filtre?.modalite ?? '*';
    return dim === 'A' ? `${modalite}|${autre}` : `${autre}|${modalite}`;
  };
  const unknowns = new Map<string, number>();
  const equations = tables.map((t) => {
    const members = [...t.cellules.map((c) => [id(t.dimension, c.modalite, t.filtre), c.effectif, 1] as const), [id(t.dimension === 'A' ? 'A' : 'B', '*', t.filtre), t.total.effectif, -1] as const];
    return members.flatMap(([key, effectif, coef]) => {
      if (effectif !== null) return [];
      if (!unknowns.has(key)) unknowns.set(key, unknowns.size);
      return [[unknowns.get(key)!, coef] as const];
    });
  });
  const names = [...unknowns.keys()];
  return [...valeursDeterminees(names.length, equations)].map((u) => names[u]!);
}

/** A deterministic pseudo-random generator (tests never depend on Math.random). */
function suite(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

describe('protegerCube', () => {
  it('suppresses every figure under the threshold, zero included, and shows it as null with its reason, never 0', () => {
    const p = protegerCube(
      cubeDe([
        [5, 40, 30],
        [0, 50, 60],
        [25, 35, 45],
      ]),
    );
    const t = projeterCube(p, { par: 'A', b: 'b0' });
    expect(t.cellules).toEqual([
      { modalite: 'a0', libelle: 'libellé a0', effectif: null, montant: null, montantMoyen: null, secret: 'EFFECTIF_INFERIEUR_AU_SEUIL' },
      { modalite: 'a1', libelle: 'libellé a1', effectif: null, montant: null, montantMoyen: null, secret: 'EFFECTIF_INFERIEUR_AU_SEUIL' },
      { modalite: 'a2', libelle: 'libellé a2', effectif: 25, montant: 2500, montantMoyen: 100, secret: null },
    ]);
    expect(t.total).toEqual({ modalite: 'TOTAL', libelle: 'Ensemble (libellé b0)', effectif: 30, montant: 3000, montantMoyen: 100, secret: null });
  });

  it('suppresses the next-smallest figure of a line holding one suppressed figure, so the total cannot give it away', () => {
    const p = protegerCube(
      cubeDe([
        [5, 40, 30],
        [20, 50, 60],
        [25, 35, 45],
      ]),
    );
    // Row a0: 5 is primary, 30 (the smallest other) secondary; then column b0 (5, 20, 25) and column b2 need a second one.
    const a0 = projeterCube(p, { par: 'B', a: 'a0' });
    expect(a0.cellules.map((c) => [c.effectif, c.secret])).toEqual([
      [null, 'EFFECTIF_INFERIEUR_AU_SEUIL'],
      [40, null],
      [null, 'SECRET_SECONDAIRE'],
    ]);
    expect(a0.total.effectif).toBe(75);
    for (const row of figures(p)) for (const v of row) if (v.secret !== null) expect(v.effectif === 5 || v.secret === 'SECRET_SECONDAIRE').toBe(true);
  });

  it('leaves every line with no suppressed figure or at least two, and no suppressed figure computable from all the tables together', () => {
    const random = suite(12_202);
    for (let n = 0; n < 150; n++) {
      const rows = 2 + Math.floor(random() * 6);
      const cols = 2 + Math.floor(random() * 6);
      const effectifs = Array.from({ length: rows }, () => Array.from({ length: cols }, () => (random() < 0.35 ? Math.floor(random() * seuilSecret) : Math.floor(random() * 200))));
      const p = protegerCube(cubeDe(effectifs));
      const grid = figures(p);
      const lines = [...grid, ...grid[0]!.map((_, j) => grid.map((row) => row[j]!))];
      for (const line of lines) expect([1].includes(line.filter((v) => v.secret !== null).length)).toBe(false);
      expect([effectifs, attaque(p)]).toEqual([effectifs, []]);
    }
  });

  it('publishes an amount only where its count is published', () => {
    const p = protegerCube(
      cubeDe([
        [3, 40],
        [30, 50],
      ]),
    );
    for (const row of figures(p)) for (const v of row) expect(v.secret === null || v.montantCents !== null).toBe(true);
    const cells = [...projeterCube(p, { par: 'A' }).cellules, ...projeterCube(p, { par: 'B', a: 'a0' }).cellules];
    for (const c of cells) expect(c.effectif === null ? [c.montant, c.montantMoyen] : [typeof c.montant, typeof c.montantMoyen]).toEqual(c.effectif === null ? [null, null] : ['number', 'number']);
  });

  it('answers overlapping queries from one protected grid: the same figure, or none, whichever table it is read from', () => {
    const p = protegerCube(
      cubeDe([
        [5, 40, 30],
        [20, 50, 60],
        [25, 35, 45],
      ]),
    );
    for (const i of [0, 1, 2]) {
      for (const j of [0, 1, 2]) {
        const parA = projeterCube(p, { par: 'A', b: `b${j}` }).cellules[i]!;
        const parB = projeterCube(p, { par: 'B', a: `a${i}` }).cellules[j]!;
        expect(parA.effectif).toBe(parB.effectif);
      }
    }
    // The margin "a0, all of B" is the same figure as the total of a0's table.
    expect(projeterCube(p, { par: 'A' }).cellules[0]!.effectif).toBe(projeterCube(p, { par: 'B', a: 'a0' }).total.effectif);
  });
});

describe('projeterCube', () => {
  const p = protegerCube(
    cubeDe(
      [
        [50, 40],
        [30, 50],
      ],
      false,
    ),
  );
  const erreur = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof GraphQLError ? { message: e.message, extensions: e.extensions } : e;
    }
    return 'no error';
  };

  it('refuses a filter on the dimension broken down, naming the argument', () => {
    expect(erreur(() => projeterCube(p, { par: 'A', a: 'a0' }))).toEqual({
      message: 'a cannot filter a table broken down by A: filter on the other dimension.',
      extensions: { code: 'ARGUMENT_INVALIDE', argument: 'a', retryable: false },
    });
  });

  it('refuses a modality the dimension does not have, naming the argument', () => {
    expect(erreur(() => projeterCube(p, { par: 'A', b: 'b9' }))).toEqual({ message: 'b must be one of: b0, b1.', extensions: { code: 'ARGUMENT_INVALIDE', argument: 'b', retryable: false } });
  });

  it('gives no amount for a statistic without amounts, and says nothing is secret', () => {
    expect(projeterCube(p, { par: 'B' })).toEqual({
      dimension: 'B',
      filtre: null,
      cellules: [
        { modalite: 'b0', libelle: 'libellé b0', effectif: 80, montant: null, montantMoyen: null, secret: null },
        { modalite: 'b1', libelle: 'libellé b1', effectif: 90, montant: null, montantMoyen: null, secret: null },
      ],
      total: { modalite: 'TOTAL', libelle: 'Ensemble', effectif: 170, montant: null, montantMoyen: null, secret: null },
      dateReference: '2026-10-31',
    });
  });
});

describe('lireMois', () => {
  const now = new Date('2026-12-06T10:00:00Z');
  it('reads a month that has ended, with its first and last days', () => {
    expect(lireMois('2024-02', now)).toEqual({ mois: '2024-02', premierJour: '2024-02-01', dernierJour: '2024-02-29' });
    expect(lireMois('2026-11', now)).toEqual({ mois: '2026-11', premierJour: '2026-11-01', dernierJour: '2026-11-30' });
  });
  it.each([
    ['2026-13', 'mois must be a month written YYYY-MM.'],
    ['2026-1', 'mois must be a month written YYYY-MM.'],
    [202610, 'mois must be a month written YYYY-MM.'],
    ['2026-12', 'mois must be a month that has ended (before 2026-12).'],
    ['2014-12', 'mois must be 2015-01 or later.'],
  ])('refuses %p, naming the argument', (mois, message) => {
    expect(() => lireMois(mois, now)).toThrow(message);
    try {
      lireMois(mois, now);
    } catch (e) {
      expect((e as GraphQLError).extensions).toEqual({ code: 'ARGUMENT_INVALIDE', argument: 'mois', retryable: false });
    }
  });
});
