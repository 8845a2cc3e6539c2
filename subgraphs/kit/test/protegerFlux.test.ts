import { cleCellule, protegerCube, protegerCubesLies, protegerFlux, seuilSecret, valeursDeterminees, type Comptage, type Cube, type CubeProtege } from '../src/statistics/index';

// The stock–flow attack (docs/statistics.md, Limits): two monthly stocks and the month's flows on
// the same first dimension obey stock(M) − stock(M−1) = entries(M) − exits(M) for every modality
// and the total. The attacker puts that identity with every line of the four tables in one system.

const dimension = (code: string, codes: string[]) => ({ code, argument: code.toLowerCase(), modalites: codes.map((c) => ({ code: c, libelle: c })) });
function cube(motifs: string[], autre: string, effectifs: number[][]): Cube {
  const comptages = new Map<string, Comptage>();
  effectifs.forEach((row, i) => row.forEach((n, j) => n > 0 && comptages.set(cleCellule(motifs[i]!, `${autre}${j}`), { effectif: n, montantCents: null })));
  return {
    dimensions: [
      dimension('MOTIF', motifs),
      dimension(
        autre,
        effectifs[0]!.map((_, j) => `${autre}${j}`),
      ),
    ],
    comptages,
    avecMontants: false,
    dateReference: '2026-10-31',
  };
}

/** The suppressed figures the attacker determines from the four protected tables' lines and the identities. */
function attaque(stockDebut: CubeProtege, stockFin: CubeProtege, entrees: CubeProtege, sorties: CubeProtege): string[] {
  const cubes = [stockDebut, stockFin, entrees, sorties];
  const unknowns = new Map<string, number>();
  const terme = (c: number, i: number, j: number, coefficient: number) => {
    if (cubes[c]!.valeur(i, j).secret === null) return [];
    const key = `${c}:${i}:${j}`;
    if (!unknowns.has(key)) unknowns.set(key, unknowns.size);
    return [[unknowns.get(key)!, coefficient] as const];
  };
  const equations: Array<Array<readonly [number, number]>> = [];
  cubes.forEach((p, c) => {
    const [na, nb] = p.cube.dimensions.map((d) => d.modalites.length) as [number, number];
    for (let i = 0; i <= na; i++) equations.push(Array.from({ length: nb + 1 }, (_, j) => terme(c, i, j, j === nb ? -1 : 1)).flat());
    for (let j = 0; j <= nb; j++) equations.push(Array.from({ length: na + 1 }, (_, i) => terme(c, i, j, i === na ? -1 : 1)).flat());
  });
  const na = stockFin.cube.dimensions[0].modalites.length;
  const marge = (c: number) => cubes[c]!.cube.dimensions[1].modalites.length;
  for (let i = 0; i <= na; i++) equations.push([...terme(1, i, marge(1), 1), ...terme(0, i, marge(0), -1), ...terme(2, i, marge(2), -1), ...terme(3, i, marge(3), 1)]);
  const names = [...unknowns.keys()];
  return [...valeursDeterminees(names.length, equations)].map((u) => names[u]!);
}

function suite(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

/** A month of a consistent history: the opening stock by motif × team, the flows by motif × structure and × outcome, the closing stock. */
function mois(random: () => number) {
  const motifs = Array.from({ length: 3 + Math.floor(random() * 5) }, (_, i) => `m${i}`);
  const petit = () => (random() < 0.5 ? Math.floor(random() * seuilSecret) : Math.floor(random() * 60));
  const debut = motifs.map(() => Array.from({ length: 3 }, () => (random() < 0.2 ? Math.floor(random() * seuilSecret) : Math.floor(random() * 300))));
  const ouverts = motifs.map(() => Array.from({ length: 4 }, petit));
  const clos = motifs.map((_, i) => {
    const dispo = debut[i]!.reduce((a, b) => a + b, 0) + ouverts[i]!.reduce((a, b) => a + b, 0);
    return Array.from({ length: 3 }, () => Math.min(Math.floor(dispo / 3), petit()));
  });
  const fin = motifs.map((_, i) => {
    const total = debut[i]!.reduce((a, b) => a + b, 0) + ouverts[i]!.reduce((a, b) => a + b, 0) - clos[i]!.reduce((a, b) => a + b, 0);
    const a = Math.floor(total * random());
    const b = Math.floor((total - a) * random());
    return [a, b, total - a - b];
  });
  return { debut: cube(motifs, 'EQUIPE', debut), fin: cube(motifs, 'EQUIPE', fin), ouverts: cube(motifs, 'STRUCTURE', ouverts), clos: cube(motifs, 'ISSUE', clos) };
}

describe('protegerFlux', () => {
  it('leaves nothing to recover from two months of stocks and the flows between them, where protecting each table alone leaks', () => {
    const random = suite(2026);
    let fuitesSansLien = 0;
    let publies = 0;
    for (let n = 0; n < 120; n++) {
      const m = mois(random);
      const [debut, fin] = [protegerCube(m.debut), protegerCube(m.fin)];
      const [ouverts, clos] = protegerFlux(m.ouverts, m.clos, debut, fin);
      expect([n, attaque(debut, fin, ouverts, clos)]).toEqual([n, []]);
      if (attaque(debut, fin, protegerCube(m.ouverts), protegerCube(m.clos)).length > 0) fuitesSansLien += 1;
      publies += [ouverts, clos].filter((p) => p.valeur(p.cube.dimensions[0].modalites.length, p.cube.dimensions[1].modalites.length).secret === null).length;
    }
    // The attack is real without the links, and the protection still publishes flows.
    expect(fuitesSansLien).toBeGreaterThan(10);
    expect(publies).toBeGreaterThan(50);
  });

  it('publishes no flow of a month whose opening or closing stock has a suppressed margin', () => {
    const debut = protegerCube(
      cube(['a', 'b'], 'EQUIPE', [
        [100, 50],
        [5, 2],
      ]),
    );
    const fin = protegerCube(
      cube(['a', 'b'], 'EQUIPE', [
        [120, 60],
        [30, 20],
      ]),
    );
    const [ouverts, clos] = protegerFlux(
      cube(['a', 'b'], 'STRUCTURE', [
        [40, 30],
        [25, 20],
      ]),
      cube(['a', 'b'], 'ISSUE', [
        [0, 0],
        [1, 1],
      ]),
      debut,
      fin,
    );
    expect(debut.valeur(1, 2).secret).toBe('EFFECTIF_INFERIEUR_AU_SEUIL');
    expect([ouverts.valeur(0, 0), ouverts.valeur(2, 2), clos.valeur(0, 2)]).toEqual([
      { effectif: 40, montantCents: null, secret: 'SECRET_SECONDAIRE' },
      { effectif: 115, montantCents: null, secret: 'SECRET_SECONDAIRE' },
      { effectif: 0, montantCents: null, secret: 'EFFECTIF_INFERIEUR_AU_SEUIL' },
    ]);
  });

  it('suppresses the entries of a motif whose exits are suppressed, when both stocks are published', () => {
    const debut = protegerCube(
      cube(['a', 'b'], 'EQUIPE', [
        [100, 50],
        [80, 20],
      ]),
    );
    const fin = protegerCube(
      cube(['a', 'b'], 'EQUIPE', [
        [130, 60],
        [90, 30],
      ]),
    );
    // Motif a: 45 in, 5 out (suppressed); published alone, 45 − (190 − 150) would give the 5 away.
    const [ouverts, clos] = protegerFlux(
      cube(['a', 'b'], 'STRUCTURE', [
        [25, 20],
        [12, 13],
      ]),
      cube(['a', 'b'], 'ISSUE', [
        [3, 2],
        [2, 3],
      ]),
      debut,
      fin,
    );
    expect([ouverts.valeur(0, 2).secret, clos.valeur(0, 2).secret]).toEqual(['SECRET_SECONDAIRE', 'EFFECTIF_INFERIEUR_AU_SEUIL']);
    expect(attaque(debut, fin, ouverts, clos)).toEqual([]);
  });

  it('protects the first month, whose opening stock nobody publishes, with no link', () => {
    const fin = protegerCube(
      cube(['a', 'b'], 'EQUIPE', [
        [130, 60],
        [90, 30],
      ]),
    );
    const [ouverts] = protegerFlux(
      cube(['a', 'b'], 'STRUCTURE', [
        [25, 20],
        [12, 13],
      ]),
      cube(['a', 'b'], 'ISSUE', [
        [3, 2],
        [2, 3],
      ]),
      null,
      fin,
    );
    expect(ouverts.valeur(0, 2)).toEqual({ effectif: 45, montantCents: null, secret: null });
  });

  it('refuses flows and stocks that do not share their first dimension', () => {
    const fin = protegerCube(
      cube(['a', 'c'], 'EQUIPE', [
        [130, 60],
        [90, 30],
      ]),
    );
    expect(() =>
      protegerFlux(
        cube(['a', 'b'], 'STRUCTURE', [
          [25, 20],
          [12, 13],
        ]),
        cube(['a', 'b'], 'ISSUE', [
          [3, 2],
          [2, 3],
        ]),
        null,
        fin,
      ),
    ).toThrow('protegerFlux: the flows and stocks must share their first dimension (a,b vs a,c)');
  });
});

describe('protegerCubesLies', () => {
  it('is protegerCube for one cube and no link', () => {
    const c = cube(['a', 'b', 'c'], 'X', [
      [5, 40, 30],
      [60, 3, 25],
      [15, 20, 8],
    ]);
    const [lie] = protegerCubesLies([c], []);
    const seul = protegerCube(c);
    for (let i = 0; i <= 3; i++) for (let j = 0; j <= 3; j++) expect([i, j, lie!.valeur(i, j)]).toEqual([i, j, seul.valeur(i, j)]);
  });
});
