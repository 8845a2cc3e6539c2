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

const codec = createUsagerIdCodec('passerelle-dev-only-usager-id-secret');
const nir = population.persona('retraite-aspa').nir;
const u = codec.encode(nir);

const agent = (fields: Partial<Caller>, finalite: Finalite): TestAppel => ({
  caller: { subject: 'sub-1', kind: 'agent', roles: [], organisation: 'CD12', partenaire: null, referentId: null, usagerId: null, ...fields },
  finalite,
});
const pro = (referentId: string, organisation = 'ORG') => agent({ roles: ['referent'], referentId, organisation }, 'accompagnement');
const agentCd12 = agent({ roles: ['agent'], partenaire: 'departement' }, 'accompagnement');
const accueil = agent({ roles: ['accueil'], organisation: 'MDS-RODEZ' }, 'premier-accueil');
const usager: TestAppel = { caller: { subject: u, kind: 'usager', roles: ['usager'], organisation: 'usager', partenaire: null, referentId: null, usagerId: u }, finalite: 'information' };
// The référent (Carsat's social service) and a team of three partners: CAF (contributor), a landlord (reader), France Travail (contributor, leaves).
const [referent, cafPro, bailleurPro, ftPro, autrePro] = [pro('ref-023', 'CARSAT12'), pro('ref-021', 'CAF12'), pro('ref-025', 'RAH'), pro('ref-028', 'FT12'), pro('ref-007', 'FT12')];

type Data = Record<string, Record<string, unknown> | null>;
const gql = (appel: TestAppel, query: string, variables: Record<string, unknown> = {}) => postGraphQL<Data>(bed.server, query, { u, ...variables }, { appel });
const read = async (appel: TestAppel, fields: string, key = nir) => {
  const answer = await queryEntities<Record<string, unknown>>(bed.server, [{ nir: key }], fields, 'Usager', { appel });
  expect(answer.errors).toBeUndefined();
  return answer.data?._entities[0];
};
const m = {
  ouvrir: 'mutation($u: ID!, $m: MotifParcours!) { ouvrirParcours(usagerId: $u, motif: $m) { parcours { id motif dateOuverture ouvertPar dateCloture issue enCours } rejoue } }',
  cloturer:
    'mutation($u: ID!, $i: IssueParcours!) { cloturerParcours(usagerId: $u, issue: $i) { parcours { motif dateCloture issue enCours } usager { referentDeParcours { referent { id } } equipe { professionnel { id } } } } }',
  designer: 'mutation($u: ID!, $r: ID!) { designerReferent(usagerId: $u, referentId: $r) { referentDeParcours { referent { id nom structure partenaire } depuis } } }',
  ajouterMembre:
    'mutation($u: ID!, $r: ID!, $role: RoleEquipe!, $f: String) { ajouterMembreEquipe(usagerId: $u, referentId: $r, role: $role, fonction: $f) { membre { professionnel { id structure partenaire } role fonction depuis jusqua } } }',
  retirerMembre: 'mutation($u: ID!, $r: ID!) { retirerMembreEquipe(usagerId: $u, referentId: $r) { membre { professionnel { id } jusqua } } }',
  note: 'mutation($u: ID!, $t: String!, $a: AudienceNote!) { ajouterNote(usagerId: $u, texte: $t, audience: $a) { note { auteur texte } } }',
  objectif: 'mutation($u: ID!, $i: String!) { creerObjectif(usagerId: $u, theme: LOGEMENT, intitule: $i) { objectif { id } } }',
  action:
    'mutation($u: ID!, $o: ID!, $i: String!, $p: ID) { ajouterAction(usagerId: $u, objectifId: $o, intitule: $i, referentPorteurId: $p) { action { intitule structurePorteuse partenairePorteur } } }',
  planifier: 'mutation($u: ID!) { planifierRendezVous(usagerId: $u, date: "2026-11-20", heure: "10:00", lieu: "CCAS de Rodez", objet: "Bilan", avec: "Hélène Delmas") { rendezVous { id statut } } }',
  issueRdv:
    'mutation($u: ID!, $r: ID!, $i: IssueRendezVous!, $d: String, $h: String) { enregistrerIssueRendezVous(usagerId: $u, rendezVousId: $r, issue: $i, nouvelleDate: $d, nouvelleHeure: $h) { rendezVous { id statut reporteEn } nouveauRendezVous { id date heure statut } } }',
};
const refused = (path: string, message: string) => ({
  data: { [path]: null },
  errors: [{ message, locations: expect.any(Array), path: [path], extensions: { code: 'ACCES_REFUSE', partenaire: 'departement', retryable: false } }],
});
const partageRefuse = "Only the usager's active référent, a contributing member of their team or a Département agent may write to the shared file.";
const pilotageRefuse = "Only the usager's active référent or a Département agent may steer the parcours (objectives, contract, orientation, référent, team, closure).";
/** Whether a write reached the Département's system: every call but the file lookups is a command. */
const commandsSent = async () => (await bed.calls('departement').bodies()).filter((b) => !(typeof b === 'object' && b !== null && 'nirs_beneficiaires' in b)).length;

describe('departement subgraph: a parcours for a usager without RSA, a référent and a team from other partners', () => {
  it('has no file for the persona until reception opens a parcours, which creates it', async () => {
    expect(await read(agentCd12, 'rsa { etat } parcours { id } parcoursEnCours { id } equipe { role }')).toEqual({ rsa: null, parcours: null, parcoursEnCours: null, equipe: null });
    const opened = await gql(accueil, m.ouvrir, { m: 'VIEILLISSEMENT' });
    expect(opened).toEqual({
      data: {
        ouvrirParcours: {
          parcours: { id: expect.stringMatching(/^PAR-\d{6}$/), motif: 'VIEILLISSEMENT', dateOuverture: '2026-11-01', ouvertPar: 'accueil MDS-RODEZ', dateCloture: null, issue: null, enCours: true },
          rejoue: false,
        },
      },
    });
    expect(await read(agentCd12, 'rsa { etat } parcoursEnCours { motif } equipe { role }')).toEqual({ rsa: null, parcoursEnCours: { motif: 'VIEILLISSEMENT' }, equipe: [] });
    expect(await gql(accueil, m.ouvrir, { m: 'LOGEMENT' })).toMatchObject({ errors: [{ extensions: { code: 'TRANSITION_INVALIDE', partenaire: 'departement' } }] });
  });

  it('lets only a Département agent designate the référent, from any partner structure', async () => {
    bed.calls('departement').reset();
    expect(await gql(accueil, m.designer, { r: 'ref-023' })).toEqual(refused('designerReferent', pilotageRefuse));
    expect(await gql(referent, m.designer, { r: 'ref-023' })).toEqual(refused('designerReferent', pilotageRefuse));
    expect(await commandsSent()).toBe(0);
    expect(await gql(agentCd12, m.designer, { r: 'ref-023' })).toEqual({
      data: {
        designerReferent: {
          referentDeParcours: {
            referent: { id: 'ref-023', nom: 'Brigitte Vayssettes', structure: 'Carsat Midi-Pyrénées – Service social, antenne de Rodez', partenaire: 'carsat' },
            depuis: '2026-11-01',
          },
        },
      },
    });
  });

  it('lets the active référent build a team of three partners; refuses the référent herself and an outsider’s changes', async () => {
    expect(await gql(referent, m.ajouterMembre, { r: 'ref-021', role: 'CONTRIBUTEUR', f: 'Travailleuse sociale' })).toEqual({
      data: {
        ajouterMembreEquipe: {
          membre: {
            professionnel: { id: 'ref-021', structure: "CAF de l'Aveyron – Action sociale", partenaire: 'caf' },
            role: 'CONTRIBUTEUR',
            fonction: 'Travailleuse sociale',
            depuis: '2026-11-01',
            jusqua: null,
          },
        },
      },
    });
    await gql(referent, m.ajouterMembre, { r: 'ref-025', role: 'LECTEUR' });
    await gql(agentCd12, m.ajouterMembre, { r: 'ref-028', role: 'CONTRIBUTEUR' });
    expect(await gql(referent, m.ajouterMembre, { r: 'ref-023', role: 'LECTEUR' })).toMatchObject({ errors: [{ extensions: { code: 'TRANSITION_INVALIDE', argument: 'referentId' } }] });
    expect(await gql(cafPro, m.ajouterMembre, { r: 'ref-007', role: 'LECTEUR' })).toEqual(refused('ajouterMembreEquipe', pilotageRefuse));
    expect(await read(usager, 'equipe { professionnel { id partenaire } role }')).toEqual({
      equipe: [
        { professionnel: { id: 'ref-021', partenaire: 'caf' }, role: 'CONTRIBUTEUR' },
        { professionnel: { id: 'ref-025', partenaire: 'bailleurs' }, role: 'LECTEUR' },
        { professionnel: { id: 'ref-028', partenaire: 'france-travail' }, role: 'CONTRIBUTEUR' },
      ],
    });
  });

  it.each<[string, TestAppel, boolean, boolean]>([
    ['the active référent', referent, true, true],
    ['a CONTRIBUTEUR member', cafPro, true, false],
    ['a LECTEUR member', bailleurPro, false, false],
    ['a professional outside the team', autrePro, false, false],
    ['a Département agent', agentCd12, true, true],
    ['the usager herself', usager, false, false],
  ])('write rights at the source: %s', async (_label, appel, partage, pilotage) => {
    bed.calls('departement').reset();
    const note = await gql(appel, m.note, { t: 'Point de situation.', a: 'EQUIPE' });
    const objectif = await gql(appel, m.objectif, { i: 'Adapter le logement' });
    expect(note.errors === undefined ? 'ok' : note).toEqual(partage ? 'ok' : refused('ajouterNote', partageRefuse));
    expect(objectif.errors === undefined ? 'ok' : objectif).toEqual(pilotage ? 'ok' : refused('creerObjectif', pilotageRefuse));
    expect(await commandsSent()).toBe(Number(partage) + Number(pilotage));
  });

  it('records who carries an action: the caller’s structure, a named professional’s, else the Département', async () => {
    const o = ((await gql(referent, m.objectif, { i: 'Maintien à domicile' })).data?.creerObjectif?.objectif as { id: string }).id;
    expect((await gql(cafPro, m.action, { o, i: 'Aide financière' })).data?.ajouterAction?.action).toEqual({
      intitule: 'Aide financière',
      structurePorteuse: "CAF de l'Aveyron – Action sociale",
      partenairePorteur: 'caf',
    });
    expect((await gql(agentCd12, m.action, { o, i: 'Visite du logement', p: 'ref-025' })).data?.ajouterAction?.action).toMatchObject({
      structurePorteuse: 'Rodez Agglo Habitat',
      partenairePorteur: 'bailleurs',
    });
    expect((await gql(agentCd12, m.action, { o, i: 'Aide à domicile' })).data?.ajouterAction?.action).toMatchObject({
      structurePorteuse: "Département de l'Aveyron",
      partenairePorteur: 'departement',
    });
    expect(await gql(agentCd12, m.action, { o, i: 'x', p: 'ref-999' })).toMatchObject({
      errors: [{ extensions: { code: 'OBJET_INTROUVABLE', partenaire: 'departement', argument: 'referentPorteurId' } }],
    });
  });

  it('records appointment outcomes: a postponement with a new date plans it again; only from PLANIFIE', async () => {
    const rdv = ((await gql(cafPro, m.planifier)).data?.planifierRendezVous?.rendezVous as { id: string }).id;
    expect(await gql(cafPro, m.issueRdv, { r: rdv, i: 'HONORE', d: '2026-11-27', h: '10:00' })).toMatchObject({ errors: [{ extensions: { code: 'ARGUMENT_INVALIDE', argument: 'nouvelleDate' } }] });
    const reporte = await gql(cafPro, m.issueRdv, { r: rdv, i: 'REPORTE', d: '2026-11-27', h: '09:30' });
    const nouveau = (reporte.data?.enregistrerIssueRendezVous?.nouveauRendezVous as { id: string }).id;
    expect(reporte).toEqual({
      data: {
        enregistrerIssueRendezVous: { rendezVous: { id: rdv, statut: 'REPORTE', reporteEn: nouveau }, nouveauRendezVous: { id: nouveau, date: '2026-11-27', heure: '09:30', statut: 'PLANIFIE' } },
      },
    });
    expect(await gql(cafPro, m.issueRdv, { r: rdv, i: 'HONORE' })).toMatchObject({ errors: [{ extensions: { code: 'TRANSITION_INVALIDE' } }] });
    expect(await gql(bailleurPro, m.issueRdv, { r: nouveau, i: 'HONORE' })).toEqual(refused('enregistrerIssueRendezVous', partageRefuse));
    expect((await gql(referent, m.issueRdv, { r: nouveau, i: 'NON_HONORE' })).data?.enregistrerIssueRendezVous?.rendezVous).toEqual({ id: nouveau, statut: 'NON_HONORE', reporteEn: null });
  });

  it('ends a membership: the former member writes nothing and reads no note', async () => {
    expect(await gql(referent, m.retirerMembre, { r: 'ref-028' })).toEqual({ data: { retirerMembreEquipe: { membre: { professionnel: { id: 'ref-028' }, jusqua: '2026-11-01' } } } });
    expect(await gql(ftPro, m.note, { t: 'x', a: 'USAGER' })).toEqual(refused('ajouterNote', partageRefuse));
    expect(await gql(referent, m.retirerMembre, { r: 'ref-028' })).toMatchObject({ errors: [{ extensions: { code: 'OBJET_INTROUVABLE', argument: 'referentId' } }] });
  });

  describe('note audiences with the team', () => {
    const texts = { REFERENT: 'Pour la référente seule.', EQUIPE: "Pour l'équipe.", USAGER: 'Pour Madame.' };
    beforeAll(async () => {
      for (const a of ['REFERENT', 'EQUIPE', 'USAGER'] as const) await gql(referent, m.note, { t: texts[a], a });
    });
    const notes = async (appel: TestAppel) =>
      ((await read(appel, 'dossierPartage { notes { texte } }'))?.dossierPartage as { notes: Array<{ texte: string }> }).notes.map((n) => n.texte).filter((t) => Object.values(texts).includes(t));
    it.each<[string, TestAppel, string[]]>([
      ['the active référent: all', referent, [texts.REFERENT, texts.EQUIPE, texts.USAGER]],
      ['a CONTRIBUTEUR member: team and usager', cafPro, [texts.EQUIPE, texts.USAGER]],
      ['a LECTEUR member: team and usager', bailleurPro, [texts.EQUIPE, texts.USAGER]],
      ['a former member: none', ftPro, []],
      ['a professional outside the team: none', autrePro, []],
      ['a Département agent: team and usager', agentCd12, [texts.EQUIPE, texts.USAGER]],
      ['the usager: hers only', usager, [texts.USAGER]],
    ])('%s', async (_label, appel, expected) => {
      expect(await notes(appel)).toEqual(expected);
    });
  });

  it('puts the usager in the référent’s caseload, filtered by motif; RSA filters leave her out', async () => {
    const page = async (variables: Record<string, unknown>) =>
      (
        await postGraphQL<{ monPortefeuille: { edges: Array<{ node: { parcoursEnCours: { motif: string } | null; rsa: unknown } }> } }>(
          bed.server,
          'query($r: ID!, $m: MotifParcours, $o: TypeOrientation) { monPortefeuille(referentId: $r, motif: $m, orientation: $o, premier: 100) { totalCount edges { node { parcoursEnCours { motif } rsa { etat } } } } }',
          { r: 'ref-023', ...variables },
          { appel: referent },
        )
      ).data?.monPortefeuille;
    expect((await page({}))?.edges).toContainEqual({ node: { parcoursEnCours: { motif: 'VIEILLISSEMENT' }, rsa: null } });
    expect((await page({ m: 'VIEILLISSEMENT' }))?.edges.every((e) => e.node.parcoursEnCours?.motif === 'VIEILLISSEMENT')).toBe(true);
    expect((await page({ m: 'LOGEMENT' }))?.edges).not.toContainEqual({ node: { parcoursEnCours: { motif: 'VIEILLISSEMENT' }, rsa: null } });
    expect((await page({ o: 'SOCIAL' }))?.edges).toEqual([]);
  });

  it('closes the parcours with its outcome: the référent and the team end, nobody writes or reads the notes any more; a designation then needs a new parcours', async () => {
    expect(await gql(cafPro, m.cloturer, { i: 'OBJECTIFS_ATTEINTS' })).toEqual(refused('cloturerParcours', pilotageRefuse));
    expect(await gql(referent, m.cloturer, { i: 'RAPPROCHEMENT_IDENTITE' })).toMatchObject({ errors: [{ extensions: { code: 'ARGUMENT_INVALIDE', argument: 'issue' } }] });
    expect(await gql(referent, m.cloturer, { i: 'OBJECTIFS_ATTEINTS' })).toEqual({
      data: { cloturerParcours: { parcours: { motif: 'VIEILLISSEMENT', dateCloture: '2026-11-01', issue: 'OBJECTIFS_ATTEINTS', enCours: false }, usager: { referentDeParcours: null, equipe: [] } } },
    });
    expect((await read(agentCd12, 'historiqueEquipe { professionnel { id } jusqua }'))?.historiqueEquipe).toEqual([
      { professionnel: { id: 'ref-021' }, jusqua: '2026-11-01' },
      { professionnel: { id: 'ref-025' }, jusqua: '2026-11-01' },
      { professionnel: { id: 'ref-028' }, jusqua: '2026-11-01' },
    ]);
    expect(await gql(referent, m.note, { t: 'x', a: 'USAGER' })).toEqual(refused('ajouterNote', partageRefuse));
    expect(await read(cafPro, 'dossierPartage { notes { texte } }')).toEqual({ dossierPartage: { notes: [] } });
    expect(await gql(agentCd12, m.designer, { r: 'ref-023' })).toMatchObject({
      errors: [{ message: 'The usager has no open parcours: open one first (ouvrirParcours).', extensions: { code: 'TRANSITION_INVALIDE' } }],
    });
    expect(await gql(autrePro, m.ouvrir, { m: 'RSA' })).toMatchObject({ errors: [{ extensions: { code: 'TRANSITION_INVALIDE', argument: 'motif' } }] });
    expect((await gql(autrePro, m.ouvrir, { m: 'INSERTION' })).data?.ouvrirParcours?.parcours).toMatchObject({ motif: 'INSERTION', ouvertPar: 'référent ref-007 (FT12)' });
    expect(((await read(usager, 'parcours { motif enCours }'))?.parcours as unknown[]).length).toBe(2);
  });

  it('refuses to open a parcours for a caller who is neither reception, a professional nor a Département agent', async () => {
    const other = codec.encode(population.persona('demandeur-emploi').nir);
    const answer = await postGraphQL(bed.server, m.ouvrir, { u: other, m: 'INSERTION' }, { appel: agent({ roles: ['agent'], partenaire: 'caf' }, 'instruction') });
    expect(answer).toEqual(refused('ouvrirParcours', 'Only reception, a professional of the directory or a Département agent may open a parcours.'));
  });

  it('serves a usager known under a provisional key like any other', async () => {
    const prv = 'PRV000000000042';
    const opened = await postGraphQL<Data>(bed.server, m.ouvrir, { u: codec.encode(prv), m: 'ACCES_AUX_DROITS' }, { appel: accueil });
    expect(opened.data?.ouvrirParcours?.parcours).toMatchObject({ motif: 'ACCES_AUX_DROITS', enCours: true });
    expect(await read(agentCd12, 'parcoursEnCours { motif } rsa { etat }', prv)).toEqual({ parcoursEnCours: { motif: 'ACCES_AUX_DROITS' }, rsa: null });
  });
});

describe('departement subgraph: seeded parcours without RSA', () => {
  it('lists, in the caseloads of other partners’ professionals, usagers without an RSA file, each with an open parcours of another motif', async () => {
    const query = 'query($r: ID!) { monPortefeuille(referentId: $r, premier: 100) { edges { node { rsa { etat } parcoursEnCours { motif } referentDeParcours { referent { id partenaire } } } } } }';
    type Node = { rsa: unknown; parcoursEnCours: { motif: string } | null; referentDeParcours: { referent: { id: string; partenaire: string | null } } };
    const nodes: Node[] = [];
    for (const r of ['ref-012', 'ref-013', 'ref-021', 'ref-022', 'ref-024', 'ref-025', 'ref-026', 'ref-028', 'ref-029', 'ref-032']) {
      const answer = await postGraphQL<{ monPortefeuille: { edges: Array<{ node: Node }> } }>(bed.server, query, { r }, { appel: pro(r) });
      expect(answer.errors).toBeUndefined();
      nodes.push(...(answer.data?.monPortefeuille.edges.map((e) => e.node) ?? []));
    }
    const horsRsa = nodes.filter((n) => n.rsa === null);
    expect(horsRsa.length).toBeGreaterThan(0);
    for (const node of horsRsa) expect(node.parcoursEnCours?.motif).not.toBe('RSA');
    expect(new Set(horsRsa.map((n) => n.referentDeParcours.referent.partenaire)).size).toBeGreaterThan(1);
  });
});
