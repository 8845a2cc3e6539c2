import { expect } from '@jest/globals';
import type { RunningFederation } from '@passerelle/dev';
import { asAccueil, asAgent, asReferent, asUsager, query, startTestFederation, testCodec, type GraphQLAnswer, type TestCaller } from '../src/e2e/testFederation';

// Issue 9's first acceptance item, the way the agency meets it: a usager WITHOUT RSA (retraite-aspa,
// Marcel Vidal, 84) gets a parcours at reception, a référent from a CCAS, a support team of three
// partners (Carsat, Aveyron Habitat, CAF), notes of each audience, actions carried by structures and
// appointments with an outcome; then each professional of the team, the usager and outsiders read
// the file back, each with exactly what they may see (docs/security.md, "The support team").
let federation: RunningFederation;
let usagerId: string;
beforeAll(async () => {
  federation = await startTestFederation();
  usagerId = testCodec.encode(federation.population.persona('retraite-aspa').nir);
});
afterAll(() => federation.stop());

/** Professionals of the directory (mocks/src/simulators/departement/referentsDepartement.ts), with their own organisation. */
const referentCcas = { ...asReferent('ref-019'), organisation: 'CCAS-SEBAZAC' };
const carsat = { ...asReferent('ref-023'), organisation: 'CARSAT' };
const bailleur = { ...asReferent('ref-026'), organisation: 'AH' };
const caf = { ...asReferent('ref-021'), organisation: 'CAF12' };
const agentDepartement = asAgent('departement', 'accompagnement');

async function ok<T>(text: string, variables: Record<string, unknown>, caller: TestCaller): Promise<T> {
  const answer = await query<T>(federation, text, variables, caller);
  expect(answer.errors).toBeUndefined();
  return answer.data!;
}

const note = (texte: string, audience: string) => `mutation($u: ID!) { ajouterNote(usagerId: $u, texte: "${texte}", audience: ${audience}) { note { texte audience auteur } } }`;
const notes = {
  REFERENT: { texte: 'Réservé au référent : fils en conflit avec le propriétaire précédent.', audience: 'REFERENT', auteur: 'référent ref-019 (CCAS-SEBAZAC)' },
  EQUIPE: { texte: "Pour l'équipe : passage de l'aide à domicile à 20 h par mois à étudier.", audience: 'EQUIPE', auteur: 'référent ref-019 (CCAS-SEBAZAC)' },
  USAGER: { texte: 'Prochaine visite à domicile le 15 décembre.', audience: 'USAGER', auteur: 'référent ref-019 (CCAS-SEBAZAC)' },
  EQUIPE_CARSAT: { texte: 'Évaluation Carsat des besoins à domicile faite.', audience: 'EQUIPE', auteur: 'référent ref-023 (CARSAT)' },
};

const lireDossier = `query($id: ID!) { usager(id: $id) {
  parcoursEnCours { motif ouvertPar enCours }
  referentDeParcours { referent { id structure partenaire } }
  equipe { professionnel { id partenaire } role }
  dossierPartage {
    notes { texte audience auteur }
    objectifs { actions { intitule structurePorteuse partenairePorteur } }
    rendezVous { objet statut }
  }
  carsat { aspa { montantMensuel } }
  synthese { droitsOuverts { droit } }
} }`;
type Dossier = {
  usager: {
    parcoursEnCours: { motif: string; ouvertPar: string; enCours: boolean } | null;
    referentDeParcours: { referent: { id: string; structure: string; partenaire: string | null } } | null;
    equipe: Array<{ professionnel: { id: string; partenaire: string | null }; role: string }> | null;
    dossierPartage: { notes: Array<{ texte: string; audience: string; auteur: string }>; objectifs: Array<{ actions: unknown[] }>; rendezVous: Array<{ objet: string; statut: string }> } | null;
    carsat: { aspa: { montantMensuel: number } | null } | null;
    synthese: { droitsOuverts: Array<{ droit: string }> } | null;
  } | null;
};
const read = (caller: TestCaller): Promise<GraphQLAnswer<Dossier>> => query<Dossier>(federation, lireDossier, { id: usagerId }, caller);
const carsatCalls = () => federation.simulator.stats().carsat ?? 0;

describe('a parcours for a usager without RSA, with a team of three partners (retraite-aspa)', () => {
  beforeAll(async () => {
    // Reception opens the parcours: the Département creates the file of a usager it did not know.
    const opened = await ok<{ ouvrirParcours: { parcours: { motif: string; ouvertPar: string } } }>(
      'mutation($u: ID!) { ouvrirParcours(usagerId: $u, motif: VIEILLISSEMENT) { parcours { motif ouvertPar } } }',
      { u: usagerId },
      asAccueil(),
    );
    expect(opened.ouvrirParcours.parcours).toEqual({ motif: 'VIEILLISSEMENT', ouvertPar: 'accueil CD12' });
    // A Département agent names a référent from the CCAS of his commune.
    await ok('mutation($u: ID!) { designerReferent(usagerId: $u, referentId: "ref-019") { referentDeParcours { referent { id } } } }', { u: usagerId }, agentDepartement);
    // The référent builds the team: Carsat social work and the landlord contribute, the CAF reads.
    for (const [id, role] of [
      ['ref-023', 'CONTRIBUTEUR'],
      ['ref-026', 'CONTRIBUTEUR'],
      ['ref-021', 'LECTEUR'],
    ])
      await ok(`mutation($u: ID!) { ajouterMembreEquipe(usagerId: $u, referentId: "${id}", role: ${role}) { membre { role } } }`, { u: usagerId }, referentCcas);
    for (const key of ['REFERENT', 'EQUIPE', 'USAGER'] as const) await ok(note(notes[key].texte, key), { u: usagerId }, referentCcas);
    await ok(note(notes.EQUIPE_CARSAT.texte, 'EQUIPE'), { u: usagerId }, carsat);
    const objectif = await ok<{ creerObjectif: { objectif: { id: string } } }>(
      'mutation($u: ID!) { creerObjectif(usagerId: $u, theme: LOGEMENT, intitule: "Rester à domicile") { objectif { id } } }',
      { u: usagerId },
      referentCcas,
    );
    // Each contributor's action is carried by their own structure.
    for (const who of [carsat, bailleur])
      await ok(
        'mutation($u: ID!, $o: ID!) { ajouterAction(usagerId: $u, objectifId: $o, intitule: "Action de la structure") { action { id } } }',
        { u: usagerId, o: objectif.creerObjectif.objectif.id },
        who,
      );
    const rdv = await ok<{ planifierRendezVous: { rendezVous: { id: string } } }>(
      'mutation($u: ID!) { planifierRendezVous(usagerId: $u, date: "2026-12-10", heure: "10:00", lieu: "Domicile", objet: "Visite du logement", avec: "Aveyron Habitat") { rendezVous { id } } }',
      { u: usagerId },
      bailleur,
    );
    await ok(
      'mutation($u: ID!, $r: ID!) { enregistrerIssueRendezVous(usagerId: $u, rendezVousId: $r, issue: HONORE) { rendezVous { statut } } }',
      { u: usagerId, r: rdv.planifierRendezVous.rendezVous.id },
      bailleur,
    );
  });

  it('gives the référent everything: the parcours, the team of three partners, every note, the carried actions, the outcome, and partners’ data', async () => {
    const answer = await read(referentCcas);
    expect(answer.errors).toBeUndefined();
    const u = answer.data!.usager!;
    expect(u.parcoursEnCours).toEqual({ motif: 'VIEILLISSEMENT', ouvertPar: 'accueil CD12', enCours: true });
    expect(u.referentDeParcours).toEqual({ referent: { id: 'ref-019', structure: 'CCAS de Sébazac-Concourès', partenaire: null } });
    expect(u.equipe).toEqual([
      { professionnel: { id: 'ref-023', partenaire: 'carsat' }, role: 'CONTRIBUTEUR' },
      { professionnel: { id: 'ref-026', partenaire: 'bailleurs' }, role: 'CONTRIBUTEUR' },
      { professionnel: { id: 'ref-021', partenaire: 'caf' }, role: 'LECTEUR' },
    ]);
    expect(u.dossierPartage!.notes).toEqual([notes.REFERENT, notes.EQUIPE, notes.USAGER, notes.EQUIPE_CARSAT]);
    expect(u.dossierPartage!.objectifs[0]!.actions.map((a) => (a as { partenairePorteur: string }).partenairePorteur)).toEqual(['carsat', 'bailleurs']);
    expect(u.dossierPartage!.rendezVous).toEqual([{ objet: 'Visite du logement', statut: 'HONORE' }]);
    expect(u.carsat!.aspa!.montantMensuel).toBeGreaterThan(0);
    expect(u.synthese!.droitsOuverts.map((d) => d.droit)).toContain('ASPA');
  });

  it.each<[string, TestCaller]>([
    ['the Carsat contributor', carsat],
    ['the landlord’s contributor', bailleur],
    ['the CAF reader', caf],
  ])('gives %s the shared file (team and usager notes), and no partner’s data: ACCES_REFUSE, and no partner is asked', async (_who, member) => {
    const before = carsatCalls();
    const answer = await read(member);
    const u = answer.data!.usager!;
    expect(u.dossierPartage!.notes).toEqual([notes.EQUIPE, notes.USAGER, notes.EQUIPE_CARSAT]);
    expect(u.equipe).toHaveLength(3);
    expect(u.carsat).toBeNull();
    expect(u.synthese).toBeNull();
    const message = 'A member of the support team reads the shared file; partners’ data is for the usager’s active référent.';
    expect(answer.errors).toEqual([
      { message, path: ['usager', 'carsat'], extensions: { code: 'ACCES_REFUSE' } },
      { message, path: ['usager', 'synthese'], extensions: { code: 'ACCES_REFUSE' } },
    ]);
    expect(answer.raw).not.toContain(notes.REFERENT.texte);
    expect(carsatCalls()).toBe(before);
  });

  it('gives the usager himself the USAGER note only, his team and his parcours', async () => {
    const answer = await read(asUsager(usagerId));
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.usager!.dossierPartage!.notes).toEqual([notes.USAGER]);
    expect(answer.raw).not.toMatch(/"(EQUIPE|REFERENT)"/);
    expect(answer.data!.usager!.equipe).toHaveLength(3);
  });

  it('refuses a professional outside the team, and gives another partner’s agent no shared file', async () => {
    const outsider = await read({ ...asReferent('ref-024'), organisation: 'CARSAT' });
    expect(outsider.data).toEqual({ usager: null });
    expect(outsider.errors).toEqual([{ message: 'Not authorized to read this usager.', path: ['usager'], extensions: { code: 'ACCES_REFUSE' } }]);
    const cafAgent = await query<{ usager: { dossierPartage: unknown; equipe: unknown } | null }>(
      federation,
      'query($id: ID!) { usager(id: $id) { dossierPartage { notes { texte } } equipe { role } } }',
      { id: usagerId },
      asAgent('caf'),
    );
    expect(cafAgent.data).toEqual({ usager: { dossierPartage: null, equipe: null } });
    expect(cafAgent.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['usager', 'dossierPartage'], 'ACCES_REFUSE'],
      [['usager', 'equipe'], 'ACCES_REFUSE'],
    ]);
    for (const n of Object.values(notes)) expect(cafAgent.raw).not.toContain(n.texte);
  });

  it('lets a reader read but not write, and the source refuses it whatever the gateway let through', async () => {
    const answer = await query(federation, note('Note du lecteur.', 'EQUIPE'), { u: usagerId }, caf);
    expect(answer.data).toEqual({ ajouterNote: null });
    expect(answer.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['ajouterNote'], 'ACCES_REFUSE']]);
  });

  it('puts the usager in the référent’s caseload, RSA or not', async () => {
    const data = await ok<{ monPortefeuille: { edges: Array<{ node: { id: string } }> } }>('{ monPortefeuille(referentId: "ref-019", premier: 100) { edges { node { id } } } }', {}, referentCcas);
    expect(data.monPortefeuille.edges.map((e) => e.node.id)).toContain(usagerId);
  });

  it('stops a member’s access the day they leave the team', async () => {
    await ok('mutation($u: ID!) { retirerMembreEquipe(usagerId: $u, referentId: "ref-026") { membre { jusqua } } }', { u: usagerId }, referentCcas);
    const gone = await read(bailleur);
    expect(gone.data).toEqual({ usager: null });
    expect(gone.errors?.map((e) => e.extensions?.code)).toEqual(['ACCES_REFUSE']);
    const historique = await ok<{ usager: { historiqueEquipe: Array<{ professionnel: { id: string }; jusqua: string | null }> } }>(
      'query($id: ID!) { usager(id: $id) { historiqueEquipe { professionnel { id } jusqua } } }',
      { id: usagerId },
      referentCcas,
    );
    expect(historique.usager.historiqueEquipe.find((m) => m.professionnel.id === 'ref-026')?.jusqua).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
