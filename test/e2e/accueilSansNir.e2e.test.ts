import { expect } from '@jest/globals';
import type { RunningFederation } from '@passerelle/dev';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asAccueil, asAgent, asReferent, query, startTestFederation, testCodec, type TestCaller } from '../src/e2e/testFederation';

// Issue 9's "reception that turns no one away", end to end: a person the identity register does not
// know (no papers with him: he gives his birth month, not the day) is welcomed, referred, given a
// parcours and a référent; partners keyed on the NIR have nothing yet and are not asked; then his
// NIR becomes known and one operation reconciles the two: the file follows, no duplicate remains,
// and the audit journal holds one record of it.
const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-sans-nir-'));
const journalPath = path.join(dir, 'journal.jsonl');
let federation: RunningFederation;
let person: ReturnType<RunningFederation['population']['persona']>;
let provisoire: string;
let certifie: string;
beforeAll(async () => {
  federation = await startTestFederation({ AUDIT_JOURNAL_PATH: journalPath });
  person = federation.population.persona('demandeur-emploi');
  certifie = testCodec.encode(person.nir);
});
afterAll(async () => {
  await federation.stop();
  rmSync(dir, { recursive: true, force: true });
});

const referent = { ...asReferent('ref-012'), organisation: 'CCAS-RODEZ' };
async function ok<T>(text: string, variables: Record<string, unknown>, caller: TestCaller): Promise<T> {
  const answer = await query<T>(federation, text, variables, caller);
  expect(answer.errors).toBeUndefined();
  return answer.data!;
}
const lireParcours = `query Parcours($id: ID!) { usager(id: $id) {
  id statutIdentite identite { nomNaissance }
  parcoursEnCours { motif }
  referentDeParcours { referent { id } }
  orientations { statut cible { codePartenaire } }
  passagesAccueil { motif }
  caf { connu: __typename }
  franceTravail { identifiant }
} }`;
type Parcours = {
  usager: {
    id: string;
    statutIdentite: string;
    identite: { nomNaissance: string };
    parcoursEnCours: { motif: string } | null;
    referentDeParcours: { referent: { id: string } } | null;
    orientations: Array<{ statut: string; cible: { codePartenaire: string | null } }>;
    passagesAccueil: Array<{ motif: string }>;
    caf: unknown;
    franceTravail: { identifiant: string } | null;
  } | null;
};
const calls = (system: string) => federation.simulator.stats()[system] ?? 0;

describe('a person unknown to the identity register (demandeur-emploi, before his NIR is known)', () => {
  it('is welcomed: a provisional identity, a passage, a referral, a parcours and a référent', async () => {
    const created = await ok<{ creerIdentiteProvisoire: { usager: { id: string; statutIdentite: string } } }>(
      `mutation($i: IdentiteDeclareeInput!) { creerIdentiteProvisoire(identite: $i) { usager { id statutIdentite } } }`,
      {
        i: {
          nomNaissance: person.nomNaissance,
          prenoms: person.prenoms,
          sexe: person.sexe === 1 ? 'M' : 'F',
          dateNaissance: person.dateNaissance.slice(0, 7),
          lieuNaissance: { code: person.lieuNaissance.code, libelle: person.lieuNaissance.libelle },
        },
      },
      asAccueil(),
    );
    provisoire = created.creerIdentiteProvisoire.usager.id;
    expect(provisoire).toMatch(/^u_/);
    expect(provisoire).not.toBe(certifie);
    expect(created.creerIdentiteProvisoire.usager.statutIdentite).toBe('PROVISOIRE');

    const lieux = await ok<{ lieuxAccueil: Array<{ id: string }> }>('{ lieuxAccueil(commune: "12202") { id } }', {}, asAccueil());
    await ok(
      'mutation($u: ID!, $l: ID!) { enregistrerPassage(usagerId: $u, lieuId: $l, motif: ACCES_AUX_DROITS) { passage { motif } } }',
      { u: provisoire, l: lieux.lieuxAccueil[0]!.id },
      asAccueil(),
    );
    await ok('mutation($u: ID!) { orienterUsager(usagerId: $u, vers: { codePartenaire: "france-travail" }, motif: EMPLOI) { orientation { statut } } }', { u: provisoire }, asAccueil());
    await ok('mutation($u: ID!) { ouvrirParcours(usagerId: $u, motif: ACCES_AUX_DROITS) { parcours { motif } } }', { u: provisoire }, asAccueil());
    await ok('mutation($u: ID!) { designerReferent(usagerId: $u, referentId: "ref-012") { referentDeParcours { referent { id } } } }', { u: provisoire }, asAgent('departement', 'accompagnement'));
  });

  it('is followed by his référent; partners keyed on the NIR have nothing yet and are not asked', async () => {
    const before = { caf: calls('caf'), ft: calls('france-travail') };
    const data = await ok<Parcours>(lireParcours, { id: provisoire }, referent);
    expect(data.usager).toEqual({
      id: provisoire,
      statutIdentite: 'PROVISOIRE',
      identite: { nomNaissance: person.nomNaissance },
      parcoursEnCours: { motif: 'ACCES_AUX_DROITS' },
      referentDeParcours: { referent: { id: 'ref-012' } },
      orientations: [{ statut: 'PROPOSEE', cible: { codePartenaire: 'france-travail' } }],
      passagesAccueil: [{ motif: 'ACCES_AUX_DROITS' }],
      caf: null,
      franceTravail: null,
    });
    expect({ caf: calls('caf'), ft: calls('france-travail') }).toEqual(before);
  });

  it('reaches France Travail’s inbox, is accepted there, and his référent sees where it stands', async () => {
    const inbox = await ok<{ orientationsRecues: { edges: Array<{ node: { orientation: { id: string }; usager: { id: string } } }> } }>(
      '{ orientationsRecues(statut: PROPOSEE) { edges { node { orientation { id } usager { id } } } } }',
      {},
      asAgent('france-travail'),
    );
    const mine = inbox.orientationsRecues.edges.find((e) => e.node.usager.id === provisoire);
    expect(mine).toBeDefined();
    await ok('mutation($o: ID!) { accepterOrientation(id: $o) { orientation { statut } } }', { o: mine!.node.orientation.id }, asAgent('france-travail'));
    const data = await ok<Parcours>(lireParcours, { id: provisoire }, referent);
    expect(data.usager!.orientations).toEqual([{ statut: 'ACCEPTEE', cible: { codePartenaire: 'france-travail' } }]);
  });

  it('is reconciled with his NIR in one operation: the file follows, no duplicate remains, one audit record', async () => {
    const reconciled = await ok<{ rapprocherIdentite: { usager: { id: string; statutIdentite: string }; usagerIdProvisoire: string; rejoue: boolean } }>(
      'mutation Rapprocher($u: ID!, $n: String!) { rapprocherIdentite(usagerId: $u, nir: $n) { usager { id statutIdentite } usagerIdProvisoire rejoue } }',
      { u: provisoire, n: person.nir },
      asAccueil(),
    );
    expect(reconciled.rapprocherIdentite).toEqual({ usager: { id: certifie, statutIdentite: 'CERTIFIEE' }, usagerIdProvisoire: provisoire, rejoue: false });

    // The certified file has everything that was recorded under the provisional identity, and now his France Travail file.
    const data = await ok<Parcours>(lireParcours, { id: certifie }, referent);
    expect(data.usager).toMatchObject({
      id: certifie,
      statutIdentite: 'CERTIFIEE',
      parcoursEnCours: { motif: 'ACCES_AUX_DROITS' },
      referentDeParcours: { referent: { id: 'ref-012' } },
      orientations: [{ statut: 'ACCEPTEE', cible: { codePartenaire: 'france-travail' } }],
      passagesAccueil: [{ motif: 'ACCES_AUX_DROITS' }],
    });
    expect(data.usager!.franceTravail).not.toBeNull();

    // The provisional id points to the certified one; the référent's caseload and a search list him once.
    const old = await query(federation, 'query($id: ID!) { usager(id: $id) { id } }', { id: provisoire }, asAccueil());
    expect(old.data).toEqual({ usager: null });
    expect(old.errors?.map((e) => [e.extensions?.code, e.extensions?.usagerId])).toEqual([['IDENTITE_RAPPROCHEE', certifie]]);
    const caseload = await ok<{ monPortefeuille: { edges: Array<{ node: { id: string } }> } }>('{ monPortefeuille(referentId: "ref-012", premier: 100) { edges { node { id } } } }', {}, referent);
    const ids = caseload.monPortefeuille.edges.map((e) => e.node.id);
    expect(ids.filter((id) => id === certifie || id === provisoire)).toEqual([certifie]);
    const search = await ok<{ rechercherUsagers: Array<{ usager: { id: string } }> }>(
      'query($i: IdentitePivotInput!) { rechercherUsagers(identite: $i) { usager { id } } }',
      { i: { nomNaissance: person.nomNaissance, prenoms: person.prenoms, dateNaissance: person.dateNaissance } },
      asAccueil(),
    );
    expect(search.rechercherUsagers.map((c) => c.usager.id)).toEqual([certifie]);

    // One record of the reconciliation, naming both identities, by a reception agent.
    const records = readFileSync(journalPath, 'utf8')
      .split('\n')
      .filter((line) => line.includes('"operationName":"Rapprocher"'))
      .map((line) => (JSON.parse(line) as { record: { operationName: string; usagers: string[]; roles: string[] } }).record);
    expect(records).toHaveLength(1);
    expect(records[0]!.roles).toEqual(['accueil']);
    expect([...records[0]!.usagers].sort()).toEqual([certifie, provisoire].sort());
  });
});
