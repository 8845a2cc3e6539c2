import { expect } from '@jest/globals';
import type { RunningFederation } from '@passerelle/dev';
import { asAgent, asReferent, asUsager, query, startTestFederation, testCodec, type TestCaller } from '../src/e2e/testFederation';

// A note's audience is enforced by the Département's subgraph, at the source (docs/security.md,
// "Notes of the shared file"); the author is the caller, from the token.
let federation: RunningFederation;
let usagerId: string;
beforeAll(async () => {
  federation = await startTestFederation();
  usagerId = testCodec.encode(federation.population.persona('rsa-isolee').nir);
});
afterAll(() => federation.stop());

// Her file as the simulator seeds it (mocks/src/simulators/departement/personaFiles.ts): one EQUIPE note, one USAGER note.
const seeded = {
  EQUIPE: { texte: 'Point mensuel : code de la route commencé, dossier FSL déposé, en attente de la commission.', audience: 'EQUIPE', auteur: 'Nadia Cayla' },
  USAGER: { texte: 'Prochaines étapes convenues : examen du code, réponse du FSL.', audience: 'USAGER', auteur: 'Nadia Cayla' },
};
/** What her référent ref-001 writes below: the author is derived from her token, never the `auteur` argument. */
const written = {
  REFERENT: { texte: 'E2E : piste de logement à vérifier avec le bailleur.', audience: 'REFERENT', auteur: 'référent ref-001 (CD12)' },
  EQUIPE: { texte: "E2E : point d'équipe sur le dossier FSL.", audience: 'EQUIPE', auteur: 'référent ref-001 (CD12)' },
  USAGER: { texte: 'E2E : rendez-vous au code le 12 décembre.', audience: 'USAGER', auteur: 'référent ref-001 (CD12)' },
};

const ajouterNote = `mutation($u: ID!, $t: String!, $a: AudienceNote!) {
  ajouterNote(usagerId: $u, texte: $t, audience: $a, auteur: "Quelqu'un d'autre") { note { texte audience auteur } rejoue }
}`;
const lireNotes = 'query($id: ID!) { usager(id: $id) { dossierPartage { notes { texte audience auteur } } } }';
type Notes = { usager: { dossierPartage: { notes: Array<{ texte: string; audience: string; auteur: string }> } | null } | null };

describe('note audiences through the gateway (rsa-isolee, référent ref-001)', () => {
  beforeAll(async () => {
    for (const note of Object.values(written)) {
      const answer = await query(federation, ajouterNote, { u: usagerId, t: note.texte, a: note.audience }, asReferent('ref-001'));
      // The deprecated `auteur` says someone else: the note's author is her référent, from the token.
      expect({ data: answer.data, errors: answer.errors }).toEqual({ data: { ajouterNote: { note, rejoue: false } }, errors: undefined });
    }
  });

  it.each<[string, () => TestCaller, Array<{ texte: string; audience: string; auteur: string }>]>([
    ['(a) her référent ref-001: every note', () => asReferent('ref-001'), [seeded.EQUIPE, seeded.USAGER, written.REFERENT, written.EQUIPE, written.USAGER]],
    ["(b) a Département agent: the team's and the usager's notes, not the référent's", () => asAgent('departement', 'accompagnement'), [seeded.EQUIPE, seeded.USAGER, written.EQUIPE, written.USAGER]],
    ['(c) the usager herself: USAGER notes only, the seeded team note included in what she never sees', () => asUsager(usagerId), [seeded.USAGER, written.USAGER]],
  ])('%s', async (_label, caller, expected) => {
    const answer = await query<Notes>(federation, lireNotes, { id: usagerId }, caller());
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ usager: { dossierPartage: { notes: expected } } });
  });

  it('(c) the usager never receives an EQUIPE or REFERENT note: not its text, not its audience', async () => {
    const answer = await query<Notes>(federation, lireNotes, { id: usagerId }, asUsager(usagerId));
    expect(answer.data?.usager?.dossierPartage?.notes.map((n) => n.audience)).toEqual(['USAGER', 'USAGER']);
    for (const hidden of [seeded.EQUIPE, written.EQUIPE, written.REFERENT]) expect(answer.raw).not.toContain(hidden.texte);
    expect(answer.raw).not.toMatch(/"(EQUIPE|REFERENT)"/);
  });

  it('(d) a référent who is not hers (ref-007): refused by row authorization, nothing returned', async () => {
    const answer = await query<Notes>(federation, lireNotes, { id: usagerId }, asReferent('ref-007'));
    expect(answer.data).toEqual({ usager: null });
    expect(answer.errors).toEqual([{ message: 'Not authorized to read this usager.', path: ['usager'], extensions: { code: 'ACCES_REFUSE' } }]);
    for (const note of [...Object.values(seeded), ...Object.values(written)]) expect(answer.raw).not.toContain(note.texte);
  });

  it('a Département agent writing a note is its author, by organisation, whatever `auteur` says', async () => {
    const answer = await query(federation, ajouterNote, { u: usagerId, t: "E2E : note de l'agent.", a: 'EQUIPE' }, asAgent('departement', 'accompagnement'));
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ ajouterNote: { note: { texte: "E2E : note de l'agent.", audience: 'EQUIPE', auteur: 'agent DEPARTEMENT' }, rejoue: false } });
  });
});
