import { expect } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningFederation } from '@passerelle/dev';
import type { Population } from '@passerelle/mocks';
import { normalizeName } from '@passerelle/subgraph-kit';
import { asAgent, asAnalyste, asReferent, nirsIn, query, startTestFederation } from '../src/e2e/testFederation';

// The default population of `npm start` (20,000 people): the figures docs/statistics.md reports.
const journal = path.join(mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-croisements-')), 'journal.jsonl');
const logs: string[] = [];
let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation({ POPULATION_TAILLE: '20000', AUDIT_JOURNAL_PATH: journal }, (line) => logs.push(line));
}, 120_000);
afterAll(() => federation.stop());

const mois = '2026-10';
/** Hex digests (chain hashes, seals) hold 15 digits in a row by chance now and then: they are not NIRs. */
const sansEmpreintes = (text: string) => text.replace(/[0-9a-f]{64}/g, '');
const dernierJour = '2026-10-31';

/** The expected counts, straight from the synthetic population (mocks/src/population), by the criteria's definitions. */
function attendus(population: Population) {
  const pivot = (nom: string, prenom: string, date: string) => `${normalizeName(nom)}|${normalizeName(prenom)}|${date}`;
  const impayes = new Set(population.baux.filter((b) => b.moisImpayes > 0 && b.dateEntree <= dernierJour).flatMap((b) => b.titulaires.map((t) => pivot(t.nom, t.prenom, t.dateNaissance))));
  const pivotsDe = (ref: string) => {
    const p = population.personneParRef.get(ref)!;
    return [p.nomNaissance, ...(p.nomUsage ? [p.nomUsage] : [])].map((nom) => pivot(nom, p.prenoms[0]!, p.dateNaissance));
  };
  const intersection = (a: Set<string>, b: Set<string>) => [...a].filter((x) => b.has(x)).length;
  const rsa = new Set(
    population.caf.filter((d) => d.droits.some((r) => r.prestation === 'RSA' && r.dateDebut <= dernierJour && [2, 3, 4].includes(r.etatRsa ?? 0))).flatMap((d) => pivotsDe(d.allocataire)),
  );
  const aspa = new Set(population.carsat.filter((d) => d.aspa !== null && d.aspa.dateDebut <= dernierJour).flatMap((d) => pivotsDe(d.personne)));
  const categorie1 = new Set(population.franceTravail.filter((d) => d.categorie === 1 && d.dateInscription <= dernierJour).map((d) => d.personne));
  const sansC2s = new Set(population.cpam.filter((a) => a.c2s === 'NON' || (a.c2sFin !== null && a.c2sFin < dernierJour) || a.dateDebutDroits > dernierJour).map((a) => a.personne));
  return {
    RSA_ET_IMPAYE_LOYER: intersection(impayes, rsa),
    DEMANDEURS_CATEGORIE_1_SANS_C2S: intersection(categorie1, sansC2s),
    ASPA_ET_IMPAYE_LOYER: intersection(impayes, aspa),
  };
}

const publie = (n: number) => (n >= 11 ? { effectif: n, secret: null } : { effectif: null, secret: 'EFFECTIF_INFERIEUR_AU_SEUIL' });
const resultat = '{ nom effectif secret dateReference jointure criteres { partenaire source description } }';
const analyse = /* GraphQL */ `
  query Analyse($mois: String!) {
    statistiques(mois: $mois) {
      caf { foyersParPrestation(par: PRESTATION) { total { effectif } } }
      logementSocial { locatairesEnImpaye(par: BAILLEUR) { total { effectif } } }
      croisements {
        rsa: croisement(nom: RSA_ET_IMPAYE_LOYER) ${resultat}
        c2s: croisement(nom: DEMANDEURS_CATEGORIE_1_SANS_C2S) ${resultat}
        aspa: croisement(nom: ASPA_ET_IMPAYE_LOYER) ${resultat}
      }
    }
  }
`;
type Resultat = { nom: string; effectif: number | null; secret: string | null; dateReference: string; jointure: string; criteres: Array<{ partenaire: string }> };
type Analyse = {
  statistiques: {
    caf: { foyersParPrestation: { total: { effectif: number | null } } };
    logementSocial: { locatairesEnImpaye: { total: { effectif: number | null } } };
    croisements: { rsa: Resultat; c2s: Resultat; aspa: Resultat } | null;
  };
};

describe('crossings', () => {
  it("return, in one analyst's request, partners' aggregates and crossings counted as the population says, under secrecy, with no NIR", async () => {
    logs.length = 0;
    const answer = await query<Analyse>(federation, analyse, { mois }, asAnalyste());
    expect(answer.errors).toBeUndefined();
    const s = answer.data!.statistiques;
    expect(s.caf.foyersParPrestation.total.effectif).toBeGreaterThanOrEqual(11);
    expect(s.logementSocial.locatairesEnImpaye.total.effectif).toBeGreaterThanOrEqual(11);
    const expected = attendus(federation.population);
    const c = s.croisements!;
    expect([c.rsa, c.c2s, c.aspa].map((r) => ({ nom: r.nom, effectif: r.effectif, secret: r.secret }))).toEqual(
      (['RSA_ET_IMPAYE_LOYER', 'DEMANDEURS_CATEGORIE_1_SANS_C2S', 'ASPA_ET_IMPAYE_LOYER'] as const).map((nom) => ({ nom, ...publie(expected[nom]) })),
    );
    expect([c.rsa, c.c2s, c.aspa].map((r) => [r.jointure, r.dateReference, r.criteres.map((k) => k.partenaire)])).toEqual([
      ['IDENTITE_PIVOT', dernierJour, ['caf', 'bailleurs']],
      ['NIR', dernierJour, ['france-travail', 'cpam']],
      ['IDENTITE_PIVOT', dernierJour, ['carsat', 'bailleurs']],
    ]);
    expect(nirsIn(answer.raw)).toEqual([]);
    expect(logs.map(sansEmpreintes).flatMap(nirsIn)).toEqual([]);
  });

  it('are recorded in the audit journal with their criteria and count, never a pseudonym', async () => {
    const answer = await query<Analyse>(federation, `{ statistiques(mois: "${mois}") { croisements { croisement(nom: RSA_ET_IMPAYE_LOYER) { effectif secret } } } }`, {}, asAnalyste());
    expect(answer.errors).toBeUndefined();
    const published = answer.data as unknown as { statistiques: { croisements: { croisement: { effectif: number | null; secret: string | null } } } };
    const text = readFileSync(journal, 'utf8');
    const records = text
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as { type: string; record?: { croisements?: unknown; roles: string[] } })
      .filter((l) => l.type === 'acces' && l.record?.croisements !== undefined);
    expect(records.at(-1)!.record!.croisements).toEqual([{ nom: 'RSA_ET_IMPAYE_LOYER', mois, partenaires: ['bailleurs', 'caf'], ...published.statistiques.croisements.croisement }]);
    expect(records.at(-1)!.record!.roles).toEqual(['analyste']);
    // No pseudonym (43 base64url characters), no NIR anywhere in the journal.
    expect(text.match(/"[A-Za-z0-9_-]{43}"/g)).toBeNull();
    expect(nirsIn(sansEmpreintes(text))).toEqual([]);
  });

  it('are refused to anyone but an analyst', async () => {
    for (const caller of [asReferent(), asAgent('caf')]) {
      const answer = await query(federation, `{ statistiques(mois: "${mois}") { croisements { croisement(nom: RSA_ET_IMPAYE_LOYER) { effectif } } } }`, {}, caller);
      expect(answer.data?.statistiques ?? null).toBeNull();
      expect(answer.errors?.map((e) => e.extensions?.code)).toContain('ACCES_REFUSE');
    }
  });

  it('are not in the API: no client reaches a partner\u2019s pseudonyms', async () => {
    const answer = await query(federation, `{ pseudonymesCaf(critere: RSA_OUVERT, mois: "${mois}", jointure: NIR, cle: "${'A'.repeat(43)}") }`, {}, asAnalyste());
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('fail whole, naming the partner, when one is down', async () => {
    await federation.stopSubgraph('cpam');
    const answer = await query<Analyse>(federation, `{ statistiques(mois: "${mois}") { croisements { croisement(nom: DEMANDEURS_CATEGORIE_1_SANS_C2S) { effectif } } } }`, {}, asAnalyste());
    expect(answer.data?.statistiques?.croisements ?? null).toBeNull();
    expect(answer.errors?.map((e) => ({ code: e.extensions?.code, partenaire: e.extensions?.partenaire, path: e.path }))).toEqual([
      { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'cpam', path: ['statistiques', 'croisements', 'croisement'] },
    ]);
  });
});
