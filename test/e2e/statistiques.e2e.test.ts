import { expect } from '@jest/globals';
import type { RunningFederation } from '@passerelle/dev';
import { communesDuTerritoire, valeursDeterminees } from '@passerelle/subgraph-kit';
import { asAnalyste, asReferent, nirsIn, query, startTestFederation } from '../src/e2e/testFederation';

let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

type Cellule = { modalite: string; effectif: number | null; montant: number | null; secret: string | null };
type Tableau = { dimension: string; filtre: { modalite: string } | null; cellules: Cellule[]; total: Cellule };
const cellule = 'modalite effectif montant secret';
const tableau = `{ dimension filtre { modalite } cellules { ${cellule} } total { ${cellule} } }`;
const mois = '2026-10';

const quatrePartenaires = /* GraphQL */ `
  query ($mois: String!) {
    statistiques(mois: $mois) {
      mois
      caf { foyersParPrestation(par: COMMUNE, prestation: RSA) ${tableau} }
      franceTravail { demandeursEmploi(par: ANCIENNETE) ${tableau} }
      logementSocial { locatairesEnImpaye(par: MOIS_IMPAYES) ${tableau} }
      hebergement { demandes(par: STATUT) ${tableau} }
    }
  }
`;
type Quatre = {
  statistiques: {
    mois: string;
    caf: { foyersParPrestation: Tableau };
    franceTravail: { demandeursEmploi: Tableau };
    logementSocial: { locatairesEnImpaye: Tableau };
    hebergement: { demandes: Tableau };
  };
};

/** No published figure under the threshold, no suppressed one with a figure: the secrecy contract of every table. */
function expectSecrecy(t: Tableau) {
  for (const c of [...t.cellules, t.total]) {
    if (c.secret === null) expect([c.modalite, c.effectif! >= 11]).toEqual([c.modalite, true]);
    else expect([c.modalite, c.effectif, c.montant]).toEqual([c.modalite, null, null]);
  }
  expect(t.cellules.filter((c) => c.secret !== null).length).not.toBe(1);
}

describe("the analysts' statistics", () => {
  it("return the four partners' aggregates in one request, each under secrecy, with no person in them", async () => {
    const answer = await query<Quatre>(federation, quatrePartenaires, { mois }, asAnalyste());
    expect(answer.errors).toBeUndefined();
    const s = answer.data!.statistiques;
    expect(s.mois).toBe(mois);
    const tables = [s.caf.foyersParPrestation, s.franceTravail.demandeursEmploi, s.logementSocial.locatairesEnImpaye, s.hebergement.demandes];
    expect(tables.map((t) => [t.dimension, t.filtre])).toEqual([
      ['COMMUNE', { modalite: 'RSA' }],
      ['ANCIENNETE', null],
      ['MOIS_IMPAYES', null],
      ['STATUT', null],
    ]);
    tables.forEach(expectSecrecy);
    // RSA households of the agglomeration, their amounts; job seekers; leases in arrears: published totals.
    expect(s.caf.foyersParPrestation.total.effectif).toBeGreaterThanOrEqual(11);
    expect(s.caf.foyersParPrestation.total.montant).toBeGreaterThan(0);
    expect(s.franceTravail.demandeursEmploi.total.effectif).toBeGreaterThanOrEqual(11);
    expect(nirsIn(answer.raw)).toEqual([]);
  });

  it('suppress the cells of a filter isolating fewer than 11 people', async () => {
    // Sainte-Radegonde: few households per benefit (mocks' synthetic population).
    const answer = await query<{ statistiques: { caf: { foyersParPrestation: Tableau } } }>(
      federation,
      `{ statistiques(mois: "${mois}") { caf { foyersParPrestation(par: PRESTATION, commune: "12241") ${tableau} } } }`,
      {},
      asAnalyste(),
    );
    expect(answer.errors).toBeUndefined();
    const t = answer.data!.statistiques.caf.foyersParPrestation;
    expectSecrecy(t);
    expect(t.cellules.find((c) => c.modalite === 'AAH')).toEqual({ modalite: 'AAH', effectif: null, montant: null, secret: 'EFFECTIF_INFERIEUR_AU_SEUIL' });
    expect(t.cellules.filter((c) => c.secret !== null).length).toBeGreaterThanOrEqual(2);
  });

  it('are refused to a référent', async () => {
    const answer = await query(federation, quatrePartenaires, { mois }, asReferent());
    expect(answer.data).toEqual({ statistiques: null });
    expect(answer.errors?.map((e) => ({ path: e.path, code: e.extensions?.code }))).toEqual([{ path: ['statistiques'], code: 'ACCES_REFUSE' }]);
  });

  it('refuse a month that is not YYYY-MM, naming the argument', async () => {
    const answer = await query(federation, quatrePartenaires, { mois: '10/2026' }, asAnalyste());
    expect(answer.data).toBeNull();
    // The gateway asks the four partners' Query.statistiques in parallel (the root field is
    // shareable): each validates the month itself and says so.
    const refus = { message: 'mois must be a month written YYYY-MM.', path: ['statistiques'], code: 'ARGUMENT_INVALIDE', argument: 'mois' };
    expect(answer.errors?.map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code, argument: e.extensions?.argument }))).toEqual([refus, refus, refus, refus]);
  });

  it('defeat differencing: every overlapping table of the CAF, solved together, gives no suppressed figure away', async () => {
    const prestations = ['RSA', 'PRIME_ACTIVITE', 'AAH', 'APL', 'ALF', 'ALS', 'ALLOCATIONS_FAMILIALES', 'ASF', 'COMPLEMENT_FAMILIAL'];
    const communes = [...communesDuTerritoire.map((c) => c.code), 'HORS_TERRITOIRE'];
    // The attacker's queries: by commune for all benefits and for each one; by benefit for the
    // whole territory and for each commune ("commune A" against "all communes").
    const requetes = [
      ...[null, ...prestations].map((p) => `par: COMMUNE${p === null ? '' : `, prestation: ${p}`}`),
      ...[null, ...communes].map((c) => `par: PRESTATION${c === null ? '' : `, commune: "${c}"`}`),
    ];
    const tables: Tableau[] = [];
    for (const args of requetes) {
      const answer = await query<{ statistiques: { caf: { foyersParPrestation: Tableau } } }>(
        federation,
        `{ statistiques(mois: "${mois}") { caf { foyersParPrestation(${args}) ${tableau} } } }`,
        {},
        asAnalyste(),
      );
      expect(answer.errors).toBeUndefined();
      tables.push(answer.data!.statistiques.caf.foyersParPrestation);
    }
    // Each figure is a (commune, benefit) pair, '*' for all; the same pair read in two tables must
    // be the same figure (published alike or suppressed alike), else differencing would help.
    const vu = new Map<string, number | null>();
    const unknowns = new Map<string, number>();
    const equations = tables.map((t) => {
      const filtre = t.filtre?.modalite ?? '*';
      const key = (m: string) => (t.dimension === 'COMMUNE' ? `${m}|${filtre}` : `${filtre}|${m}`);
      const membres = [...t.cellules.map((c) => [key(c.modalite), c.effectif, 1] as const), [key('*'), t.total.effectif, -1] as const];
      return membres.flatMap(([k, effectif, coef]) => {
        if (vu.has(k)) expect([k, vu.get(k)]).toEqual([k, effectif]);
        vu.set(k, effectif);
        if (effectif !== null) return [];
        if (!unknowns.has(k)) unknowns.set(k, unknowns.size);
        return [[unknowns.get(k)!, coef] as const];
      });
    });
    expect(unknowns.size).toBeGreaterThanOrEqual(2); // there is something to attack
    const names = [...unknowns.keys()];
    expect([...valeursDeterminees(names.length, equations)].map((u) => names[u])).toEqual([]);
    // The naive difference, a total minus its published cells, only ever gives the sum of two suppressed cells or more.
    tables.forEach(expectSecrecy);
  });
});
