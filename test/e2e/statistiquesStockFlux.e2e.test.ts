import { expect } from '@jest/globals';
import type { RunningFederation } from '@passerelle/dev';
import { valeursDeterminees } from '@passerelle/subgraph-kit';
import { asAnalyste, query, startTestFederation } from '../src/e2e/testFederation';

// The stock–flow attack on the Département's aggregates, played through the analysts' graph
// (docs/statistics.md, rules and Limits): parcours in progress at the end of two months, the
// parcours opened and closed in the second, and delaisRsa's oriented beneficiaries, every table
// of each (by each dimension, whole and filtered on each modality of the other), put in one linear
// system with every "total = sum of cells", the identity
// enCours(M) − enCours(M−1) = ouverts(M) − clos(M) for every motif and the total, and
// enCours(M, RSA) = delaisRsa(M) − delaisRsa(M, not yet oriented). Nothing suppressed is determined.
// The default population's size: with 3,000 people most motifs' stocks are suppressed, and so
// every flow; with 20,000 some flows are published and the attack has something to work with.
let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation({ POPULATION_TAILLE: '20000' });
});
afterAll(() => federation.stop());

type Cellule = { modalite: string; effectif: number | null };
type Tableau = { cellules: Cellule[]; total: Cellule };
const statistiques = {
  parcoursEnCours: ['MOTIF', 'EQUIPE'],
  parcoursOuverts: ['MOTIF', 'STRUCTURE'],
  parcoursClos: ['MOTIF', 'ISSUE'],
  delaisRsa: ['DELAI_ORIENTATION', 'DELAI_CONTRAT'],
} as const;
type Nom = keyof typeof statistiques;
const argumentDe: Record<string, string> = { MOTIF: 'motif', EQUIPE: 'equipe', STRUCTURE: 'structure', ISSUE: 'issue', DELAI_ORIENTATION: 'delaiOrientation', DELAI_CONTRAT: 'delaiContrat' };
const tableau = '{ cellules { modalite effectif } total { modalite effectif } }';

/** Every table of one statistic for one month: by each dimension, whole, then filtered on each modality of the other. */
async function tables(nom: Nom, mois: string): Promise<Array<{ par: string; filtre: string | null; t: Tableau }>> {
  const [a, b] = statistiques[nom];
  const entiers = await query<{ statistiques: { departement: Record<string, Tableau> } }>(
    federation,
    `{ statistiques(mois: "${mois}") { departement { a: ${nom}(par: ${a}) ${tableau} b: ${nom}(par: ${b}) ${tableau} } } }`,
    {},
    asAnalyste(),
  );
  expect(entiers.errors).toBeUndefined();
  const { a: parA, b: parB } = entiers.data!.statistiques.departement as { a: Tableau; b: Tableau };
  const filtres = [...parB.cellules.map((c) => [a, b, c.modalite] as const), ...parA.cellules.map((c) => [b, a, c.modalite] as const)];
  // The gateway's alias limit (15): the filtered tables in a few queries.
  const filtrees: Tableau[] = [];
  for (let debut = 0; debut < filtres.length; debut += 14) {
    const champs = filtres.slice(debut, debut + 14).map(([par, autre, m], k) => `f${k}: ${nom}(par: ${par}, ${argumentDe[autre]}: ${m}) ${tableau}`);
    const answer = await query<{ statistiques: { departement: Record<string, Tableau> } }>(federation, `{ statistiques(mois: "${mois}") { departement { ${champs.join(' ')} } } }`, {}, asAnalyste());
    expect(answer.errors).toBeUndefined();
    filtrees.push(...champs.map((_, k) => answer.data!.statistiques.departement[`f${k}`]!));
  }
  return [{ par: a, filtre: null, t: parA }, { par: b, filtre: null, t: parB }, ...filtres.map(([par, , m], k) => ({ par, filtre: m, t: filtrees[k]! }))];
}

/** The attacker's system over two months: returns the suppressed figures it determines, and how many figures were published. */
async function attaque(precedent: string, mois: string): Promise<{ determinees: string[]; publiees: number; fluxPublies: string[]; stocksPublies: number }> {
  const known = new Map<string, number>();
  // Each relation as the figures it sums with their coefficients; a figure is named by statistic,
  // month, first modality and second modality ('*' for all).
  const relations: Array<Array<readonly [string, number]>> = [];
  const lire = async (nom: Nom, m: string) => {
    const [a] = statistiques[nom];
    for (const { par, filtre, t } of await tables(nom, m)) {
      const id = (modalite: string) => (par === a ? `${nom}|${m}|${modalite}|${filtre ?? '*'}` : `${nom}|${m}|${filtre ?? '*'}|${modalite}`);
      const membres = [...t.cellules.map((c) => [id(c.modalite), c.effectif, 1] as const), [id('*'), t.total.effectif, -1] as const];
      for (const [key, effectif] of membres) if (effectif !== null) known.set(key, effectif);
      relations.push(membres.map(([key, , coefficient]) => [key, coefficient] as const));
    }
  };
  for (const m of [precedent, mois]) for (const nom of ['parcoursEnCours', 'delaisRsa'] as const) await lire(nom, m);
  for (const nom of ['parcoursOuverts', 'parcoursClos'] as const) await lire(nom, mois);
  const motifs = [...new Set([...known.keys()].filter((k) => k.startsWith(`parcoursEnCours|${mois}|`)).map((k) => k.split('|')[2]!))];
  const marge = (nom: Nom, m: string, motif: string) => `${nom}|${m}|${motif}|*`;
  for (const motif of [...motifs, '*']) {
    relations.push([
      [marge('parcoursEnCours', mois, motif), 1],
      [marge('parcoursEnCours', precedent, motif), -1],
      [marge('parcoursOuverts', mois, motif), -1],
      [marge('parcoursClos', mois, motif), 1],
    ]);
  }
  for (const m of [precedent, mois]) {
    relations.push([
      [marge('parcoursEnCours', m, 'RSA'), 1],
      [marge('delaisRsa', m, '*'), -1],
      [marge('delaisRsa', m, 'PAS_ENCORE'), 1],
    ]);
  }
  // Unknowns: the figures not published; a published one only moves the relation's constant.
  const unknowns = new Map<string, number>();
  const equations = relations.map((r) =>
    r.flatMap(([key, coefficient]) => {
      if (known.has(key)) return [];
      if (!unknowns.has(key)) unknowns.set(key, unknowns.size);
      return [[unknowns.get(key)!, coefficient] as const];
    }),
  );
  const names = [...unknowns.keys()];
  const fluxPublies = [...known.keys()].filter((k) => k.startsWith('parcoursOuverts') || k.startsWith('parcoursClos'));
  const stocksPublies = [...known.keys()].filter((k) => k.startsWith('parcoursEnCours') && k.endsWith('|*')).length;
  return { determinees: [...valeursDeterminees(names.length, equations)].map((u) => names[u]!), publiees: known.size, fluxPublies, stocksPublies };
}

describe("the Département's stocks and flows", () => {
  it.each([
    ['2026-09', '2026-10'],
    ['2026-08', '2026-09'],
  ])('give nothing away from the stocks of %s and %s and the flows between them', async (precedent, mois) => {
    const { determinees, publiees } = await attaque(precedent, mois);
    expect(determinees).toEqual([]);
    expect(publiees).toBeGreaterThan(20);
  });

  it('give the attacker every net flow (both stocks published for every motif), and still no flow', async () => {
    const { determinees, stocksPublies, fluxPublies } = await attaque('2026-08', '2026-09');
    // Eleven motifs and the total, at the end of August and of September.
    expect([stocksPublies, determinees]).toEqual([24, []]);
    // The seed closes no parcours: every closure by motif is 0, so every opening by motif is
    // suppressed with it (published, 12 ageing parcours opened against 12 more in progress would
    // give the 0 away); cells and margins by structure, which no identity links, are still published.
    expect(fluxPublies.filter((k) => k.split('|')[3] === '*')).toEqual([]);
    expect(fluxPublies).toContain('parcoursOuverts|2026-09|*|DEPARTEMENT');
  });
});
