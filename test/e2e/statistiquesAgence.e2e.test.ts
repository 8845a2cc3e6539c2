import { expect } from '@jest/globals';
import type { RunningFederation } from '@passerelle/dev';
import { historiqueAccueil } from '@passerelle/mocks';
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
    // The RSA link (docs/statistics.md): oriented beneficiaries = RSA parcours in progress, so with
    // few not yet oriented, delaisRsa's total is suppressed rather than the stock the flows depend on.
    expect(departement.delaisRsa.total).toEqual({ modalite: 'TOTAL', effectif: null, secret: 'SECRET_SECONDAIRE' });
    expect(of(departement.delaisRsa, 'MOINS_D_UN_MOIS')!.effectif).toBeGreaterThanOrEqual(11);
    // The seed closes no parcours: every cell is 0, suppressed, never published as 0.
    expect(departement.parcoursClos.cellules.map((c) => c.secret)).toEqual(departement.parcoursClos.cellules.map(() => 'EFFECTIF_INFERIEUR_AU_SEUIL'));
    expect(departement.parcoursClos.total).toEqual({ modalite: 'TOTAL', effectif: null, secret: 'EFFECTIF_INFERIEUR_AU_SEUIL' });
    // The reception system's year of history (historiqueAccueil) counts too: its October records, plus the test's.
    const historique = historiqueAccueil(federation.population);
    const octobre = (jour: string) => jour >= '20261001' && jour <= '20261031';
    const passagesOctobre = historique.passages.filter((p) => octobre(p.date_passage));
    const domiciliations = passagesOctobre.filter((p) => p.code_lieu === 'CCAS-RODEZ' && p.code_motif === 'DOMICILIATION').length + 12;
    // The domiciliations at the CCAS of Rodez are published; none at Luc (no such service there),
    // and the margin that would give a suppressed cell away by difference is itself protected.
    expect(of(accueil.parLieu, 'CCAS-RODEZ')).toEqual({ modalite: 'CCAS-RODEZ', effectif: domiciliations, secret: null });
    expect(of(accueil.parLieu, 'FS-LUC')).toEqual({ modalite: 'FS-LUC', effectif: null, secret: 'EFFECTIF_INFERIEUR_AU_SEUIL' });
    expect(of(accueil.ccasRodez, 'DOMICILIATION')).toEqual({ modalite: 'DOMICILIATION', effectif: domiciliations, secret: null });
    expect(accueil.ccasRodez.total).toEqual({ modalite: 'TOTAL', effectif: passagesOctobre.filter((p) => p.code_lieu === 'CCAS-RODEZ').length + 12, secret: null });
    // Referrals recorded in October and sign-ups to October's events: the history's, published in total.
    const evenementsOctobre = new Set(['EVT-2610-01', 'EVT-2610-02', 'EVT-2610-03']);
    expect([accueil.orientations.total.effectif, accueil.inscriptionsTiersLieu.total.effectif]).toEqual([
      historique.orientations.filter((o) => octobre(o.date_orientation)).length,
      historique.inscriptions.filter((i) => evenementsOctobre.has(i.id_evenement)).length,
    ]);
    expect(nirsIn(answer.raw)).toEqual([]);
  });

  it('refuse a filter naming a modality the dimension does not have, naming the argument', async () => {
    const answer = await query(federation, `{ statistiques(mois: "${mois}") { accueil { passages(par: SERVICE, lieu: "NULLE-PART") { total { effectif } } } } }`, {}, asAnalyste());
    expect(answer.errors?.map((e) => ({ path: e.path, code: e.extensions?.code, argument: e.extensions?.argument }))).toEqual([
      { path: ['statistiques', 'accueil', 'passages'], code: 'ARGUMENT_INVALIDE', argument: 'lieu' },
    ]);
  });
});
