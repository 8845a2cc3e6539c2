import { expect } from '@jest/globals';
import { createPopulation, legacySystem, postGraphQL, queryEntities, testUrlOf, useSubgraphTestBed, type TestAppel } from '@passerelle/mocks';
import { createUsagerIdCodec, silentLogger, type Caller, type Finalite } from '@passerelle/subgraph-kit';
import { createServer, loadDepartementConfig } from '../src/index';

const population = createPopulation({ size: 300, seed: 7 });
const bed = useSubgraphTestBed({
  population,
  systems: ['departement'],
  start: () =>
    createServer(loadDepartementConfig({ DEPARTEMENT_PORT: '0', DEPARTEMENT_LEGACY_URL: testUrlOf('departement'), DEPARTEMENT_LEGACY_API_KEY: legacySystem('departement').devApiKey }), silentLogger),
});

// The identity subgraph's default secret: the ids clients got from it decode here.
const codec = createUsagerIdCodec('passerelle-dev-only-usager-id-secret');
const nir = population.persona('rsa-isolee').nir;
const usagerId = codec.encode(nir);

const agent = (fields: Partial<Caller>, finalite: Finalite): TestAppel => ({
  caller: { subject: 'sub-1', kind: 'agent', roles: [], organisation: 'CD12', partenaire: null, referentId: null, usagerId: null, ...fields },
  finalite,
});
const referent = (referentId: string, finalite: Finalite = 'accompagnement') => agent({ roles: ['referent'], referentId }, finalite);
const usager = (id: string, finalite: Finalite = 'information'): TestAppel => ({
  caller: { subject: id, kind: 'usager', roles: ['usager'], organisation: 'usager', partenaire: null, referentId: null, usagerId: id },
  finalite,
});

// Her file as the simulator seeds it: one EQUIPE note and one USAGER note (mocks/src/simulators/departement/personaFiles.ts).
const seededEquipe = 'Point mensuel : code de la route commencé, dossier FSL déposé, en attente de la commission.';
const seededUsager = 'Prochaines étapes convenues : examen du code, réponse du FSL.';
const written = { REFERENT: 'Note pour le référent seul.', EQUIPE: "Note pour l'équipe.", USAGER: "Note pour l'usagère." };
const auteurRef001 = 'référent ref-001 (CD12)';

const noteMutation = 'mutation($u: ID!, $t: String!, $a: AudienceNote!) { ajouterNote(usagerId: $u, texte: $t, audience: $a, auteur: "Quelqu\'un d\'autre") { note { auteur audience texte } } }';
type Notes = { dossierPartage: { notes: Array<{ texte: string; audience: string; auteur: string }> } | null };
const notesAs = async (appel: TestAppel) => {
  const answer = await queryEntities<Notes>(bed.server, [{ nir }], 'dossierPartage { notes { texte audience auteur } }', 'Usager', { appel });
  expect(answer.errors).toBeUndefined();
  return answer.data?._entities[0]?.dossierPartage?.notes.map((n) => n.texte);
};

describe('departement subgraph: note audiences, enforced at the source', () => {
  beforeAll(async () => {
    // Her référent writes one note of each audience; the deprecated `auteur` is ignored.
    for (const audience of ['REFERENT', 'EQUIPE', 'USAGER'] as const) {
      const answer = await postGraphQL(bed.server, noteMutation, { u: usagerId, t: written[audience], a: audience }, { appel: referent('ref-001') });
      expect(answer).toEqual({ data: { ajouterNote: { note: { auteur: auteurRef001, audience, texte: written[audience] } } } });
    }
  });

  it.each<[string, TestAppel, string[]]>([
    ['her active référent: every audience', referent('ref-001'), [seededEquipe, seededUsager, written.REFERENT, written.EQUIPE, written.USAGER]],
    [
      "a Département agent: the team's and the usager's, not the référent's",
      agent({ roles: ['agent'], partenaire: 'departement' }, 'accompagnement'),
      [seededEquipe, seededUsager, written.EQUIPE, written.USAGER],
    ],
    ['the usager herself: USAGER notes only', usager(usagerId), [seededUsager, written.USAGER]],
    ['her former référent (ref-002): none', referent('ref-002'), []],
    ['a référent who is not hers (ref-007): none', referent('ref-007'), []],
    ['another usager: none', usager(codec.encode(population.persona('sans-domicile').nir)), []],
    ['the usager under a purpose her role does not allow: none', usager(usagerId, 'accompagnement'), []],
    ['her référent under a purpose the role does not allow: none', referent('ref-001', 'information'), []],
    ["another partner's agent: none", agent({ roles: ['agent'], partenaire: 'caf' }, 'instruction'), []],
    ['a caller without a purpose: none', { caller: referent('ref-001').caller!, finalite: null }, []],
    ['anonymous: none', {}, []],
  ])('%s', async (_label, appel, expected) => {
    expect(await notesAs(appel)).toEqual(expected);
  });

  it('leaves no trace of a hidden note in the usager’s answer: no text, no author, no count', async () => {
    const answer = await queryEntities(bed.server, [{ nir }], 'dossierPartage { notes { id auteur date audience texte } }', 'Usager', { appel: usager(usagerId) });
    const text = JSON.stringify(answer);
    for (const hidden of [seededEquipe, written.REFERENT, written.EQUIPE]) expect(text).not.toContain(hidden);
    expect(text).not.toContain('EQUIPE');
    expect(text).not.toContain('"REFERENT"');
    expect(answer.errors).toBeUndefined();
  });
});

describe('departement subgraph: authors from the signed context', () => {
  const opposer =
    'mutation($u: ID!, $c: CodePartenaire!) { enregistrerOpposition(usagerId: $u, codePartenaire: $c, recueilliePar: "Quelqu\'un d\'autre") { opposition { codePartenaire recueilliePar } } }';

  it.each<[string, TestAppel, string, string]>([
    ['the usager herself', usager(usagerId), 'cpam', "l'usager"],
    ['her référent', referent('ref-001'), 'carsat', auteurRef001],
    ['a reception agent', agent({ roles: ['accueil'], organisation: 'MDS-RODEZ' }, 'premier-accueil'), 'msa', 'accueil MDS-RODEZ'],
    ['a Département agent', agent({ roles: ['agent'], partenaire: 'departement' }, 'accompagnement'), 'region', 'agent CD12'],
  ])('records %s as who took an objection down, whatever `recueilliePar` says', async (_label, appel, codePartenaire, recueilliePar) => {
    const answer = await postGraphQL(bed.server, opposer, { u: usagerId, c: codePartenaire }, { appel });
    expect(answer).toEqual({ data: { enregistrerOpposition: { opposition: { codePartenaire, recueilliePar } } } });
  });

  it.each<[string, TestAppel, Record<string, unknown>, string]>([
    ['anonymous', {}, { code: 'NON_AUTHENTIFIE', partenaire: 'departement', retryable: false }, 'This write needs an identified caller: its author is the caller.'],
    [
      'an analyst',
      agent({ roles: ['analyste'] }, 'statistique'),
      { code: 'ACCES_REFUSE', partenaire: 'departement', retryable: false },
      "The caller's roles for this purpose do not allow this write.",
    ],
  ])('refuses a note whose context names no author (%s), without a call to the Département', async (_label, appel, extensions, message) => {
    bed.calls('departement').reset();
    const answer = await postGraphQL(bed.server, noteMutation, { u: usagerId, t: 'x', a: 'USAGER' }, { appel });
    expect(answer).toEqual({ data: { ajouterNote: null }, errors: [{ message, locations: expect.any(Array), path: ['ajouterNote'], extensions }] });
    expect(bed.calls('departement').count()).toBe(0);
  });
});
