import { expect } from '@jest/globals';
import type { RunningFederation } from '@passerelle/dev';
import { asAccueil, asAnalyste, nirsIn, query, startTestFederation, testCodec } from '../src/e2e/testFederation';

// Issue 10, item 1 for the agency's own systems: the Département's and the reception network's
// aggregates, computed by their systems and published under the kit's secrecy
// (docs/statistics.md), read by an analyst in one query.
let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

type Cellule = { modalite: string; effectif: number | null; secret: string | null };
type Tableau = { dimension: string; filtre: { modalite: string } | null; cellules: Cellule[]; total: Cellule; dateReference: string };
const cellule = 'modalite effectif secret';
const tableau = `{ dimension filtre { modalite } cellules { ${cellule} } total { ${cellule} } dateReference }`;
const mois = '2026-10';

const agence = /* GraphQL */ `
  query ($mois: String!) {
    statistiques(mois: $mois) {
      departement {
        parcoursOuverts(par: MOTIF) ${tableau}
        parcoursClos(par: ISSUE) ${tableau}
        parcoursEnCours(par: EQUIPE) ${tableau}
        delaisRsa(par: DELAI_ORIENTATION) ${tableau}
      }
      accueil {
        parLieu: passages(par: LIEU, service: DOMICILIATION) ${tableau}
        ccasRodez: passages(par: SERVICE, lieu: "CCAS-RODEZ") ${tableau}
        orientations(par: STATUT) ${tableau}
        inscriptionsTiersLieu(par: PRESENCE) ${tableau}
      }
    }
  }
`;
type Agence = {
  statistiques: {
    departement: Record<'parcoursOuverts' | 'parcoursClos' | 'parcoursEnCours' | 'delaisRsa', Tableau>;
    accueil: Record<'parLieu' | 'ccasRodez' | 'orientations' | 'inscriptionsTiersLieu', Tableau>;
  };
};

/** No published figure under the threshold, no suppressed one with a figure, never a line with a single suppressed cell. */
function expectSecrecy(t: Tableau) {
  for (const c of [...t.cellules, t.total]) {
    if (c.secret === null) expect([c.modalite, c.effectif! >= 11]).toEqual([c.modalite, true]);
    else expect([c.modalite, c.effectif]).toEqual([c.modalite, null]);
  }
  expect(t.cellules.filter((c) => c.secret !== null).length).not.toBe(1);
}
const of = (t: Tableau, modalite: string) => t.cellules.find((c) => c.modalite === modalite);

describe("the agency's own statistics", () => {
  beforeAll(async () => {
    // Twelve visits for a domiciliation at the CCAS of Rodez and two for digital help at France
    // Services Luc, in October, typed in afterwards as the reception system allows.
    const people = federation.population.personnes.slice(0, 14);
    for (const [n, p] of people.entries()) {
      const [lieu, motif] = n < 12 ? ['CCAS-RODEZ', 'DOMICILIATION'] : ['FS-LUC', 'AIDE_NUMERIQUE'];
      const answer = await query(
        federation,
        `mutation($u: ID!, $l: ID!, $d: String) { enregistrerPassage(usagerId: $u, lieuId: $l, motif: ${motif}, date: $d) { passage { motif } } }`,
        { u: testCodec.encode(p.nir), l: lieu, d: `2026-10-${String(n + 1).padStart(2, '0')}` },
        asAccueil(),
      );
      expect(answer.errors).toBeUndefined();
    }
  });

  it("return the Département's and the reception network's tables in one analyst's query, under secrecy, with no person in them", async () => {
    const answer = await query<Agence>(federation, agence, { mois }, asAnalyste());
    expect(answer.errors).toBeUndefined();
    const { departement, accueil } = answer.data!.statistiques;
    const tables = [...Object.values(departement), ...Object.values(accueil)];
    tables.forEach(expectSecrecy);
    expect(tables.map((t) => [t.dimension, t.filtre?.modalite ?? null, t.dateReference])).toEqual([
      ['MOTIF', null, '2026-10-31'],
      ['ISSUE', null, '2026-10-31'],
      ['EQUIPE', null, '2026-10-31'],
      ['DELAI_ORIENTATION', null, '2026-10-31'],
      ['LIEU', 'DOMICILIATION', '2026-10-31'],
      ['SERVICE', 'CCAS-RODEZ', '2026-10-31'],
      ['STATUT', null, '2026-10-31'],
      ['PRESENCE', null, '2026-10-31'],
    ]);
    // The Département's seed: every RSA beneficiary owed a référent has an RSA parcours in progress.
    expect(departement.parcoursEnCours.total.effectif).toBeGreaterThanOrEqual(11);
    expect(of(departement.parcoursEnCours, 'AUCUN_MEMBRE')!.effectif).toBeGreaterThanOrEqual(11);
    expect(departement.delaisRsa.total.effectif).toBeGreaterThanOrEqual(11);
    // The seed closes no parcours: every cell is 0, suppressed, never published as 0.
    expect(departement.parcoursClos.cellules.map((c) => c.secret)).toEqual(departement.parcoursClos.cellules.map(() => 'EFFECTIF_INFERIEUR_AU_SEUIL'));
    expect(departement.parcoursClos.total).toEqual({ modalite: 'TOTAL', effectif: null, secret: 'EFFECTIF_INFERIEUR_AU_SEUIL' });
    // Twelve domiciliations at the CCAS of Rodez are published; the two visits at Luc are not,
    // and the margin that would give them away by difference (all of CCAS-RODEZ's services) is itself protected.
    expect(of(accueil.parLieu, 'CCAS-RODEZ')).toEqual({ modalite: 'CCAS-RODEZ', effectif: 12, secret: null });
    expect(of(accueil.parLieu, 'FS-LUC')).toEqual({ modalite: 'FS-LUC', effectif: null, secret: 'EFFECTIF_INFERIEUR_AU_SEUIL' });
    expect(of(accueil.ccasRodez, 'DOMICILIATION')).toEqual({ modalite: 'DOMICILIATION', effectif: 12, secret: null });
    expect(accueil.ccasRodez.total).toEqual({ modalite: 'TOTAL', effectif: 12, secret: null });
    // No referral was recorded in October, no tiers-lieu event was held: totals suppressed.
    expect([accueil.orientations.total.secret, accueil.inscriptionsTiersLieu.total.secret]).toEqual(['EFFECTIF_INFERIEUR_AU_SEUIL', 'EFFECTIF_INFERIEUR_AU_SEUIL']);
    expect(nirsIn(answer.raw)).toEqual([]);
  });

  it('refuse a filter naming a modality the dimension does not have, naming the argument', async () => {
    const answer = await query(federation, `{ statistiques(mois: "${mois}") { accueil { passages(par: SERVICE, lieu: "NULLE-PART") { total { effectif } } } } }`, {}, asAnalyste());
    expect(answer.errors?.map((e) => ({ path: e.path, code: e.extensions?.code, argument: e.extensions?.argument }))).toEqual([
      { path: ['statistiques', 'accueil', 'passages'], code: 'ARGUMENT_INVALIDE', argument: 'lieu' },
    ]);
  });
});
