import { expect } from '@jest/globals';
import { createPopulation, legacySystem, postGraphQL, queryEntities, testUrlOf, unknownNir, useSubgraphTestBed, type PersonaKey, type TestAppel } from '@passerelle/mocks';
import { createUsagerIdCodec, silentLogger } from '@passerelle/subgraph-kit';
import { http, HttpResponse } from 'msw';
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
const nirOf = (key: PersonaKey) => population.persona(key).nir;
const idOf = (key: PersonaKey) => codec.encode(nirOf(key));
const calls = () => bed.calls('departement').count();
/** A Département agent, as the gateway's signed context names them: the author of the writes below (whatever `auteur`/`recueilliePar` say), who reads every note back. */
const agentCd12: TestAppel = {
  caller: { subject: 'agent-cd12-1', kind: 'agent', roles: ['agent'], organisation: 'CD12', partenaire: 'departement', referentId: null, usagerId: null },
  finalite: 'accompagnement',
};
const graphql = (query: string, variables: Record<string, unknown> = {}) => postGraphQL<Record<string, Record<string, unknown> | null>>(bed.server, query, variables, { appel: agentCd12 });
/** Adults of CAF RSA files the Département owes no référent (right pending, refused or closed): none is active. */
const withoutReferent = population.caf.filter((d) => d.droits.some((r) => r.prestation === 'RSA' && ![2, 3, 4].includes(r.etatRsa ?? 0))).map((d) => population.personneParRef.get(d.allocataire)!.nir);

const fichier = `rsa { orientation { type organisme date } }
historiqueReferents { referent { id } depuis jusqua }
dossierPartage { objectifs { id theme intitule statut dateCreation actions { id intitule statut echeance } } notes { id auteur date audience texte } rendezVous { id date heure lieu objet avec statut } contratEngagement { dateDebut dateFin objectifs { id } } }
oppositions { partenaire dateOpposition recueilliePar active dateLevee }`;
/** Everything the Département holds about the person, read back as the gateway would. */
const readBack = async (nir: string) => (await queryEntities<Record<string, unknown>>(bed.server, [{ nir }], fichier, 'Usager', { appel: agentCd12 })).data?._entities[0];

const m = {
  designer:
    'mutation($u: ID!, $r: ID!, $k: String) { designerReferent(usagerId: $u, referentId: $r, cleIdempotence: $k) { referentDeParcours { referent { id nom structure } depuis jusqua } rejoue } }',
  changer:
    'mutation($u: ID!, $r: ID!) { changerReferent(usagerId: $u, referentId: $r) { referentDeParcours { referent { id } depuis } usager { historiqueReferents { referent { id } depuis jusqua } } rejoue } }',
  orienter: 'mutation($u: ID!, $t: TypeOrientation!, $o: String!) { orienter(usagerId: $u, type: $t, organisme: $o) { orientation { type organisme date } rejoue } }',
  creer:
    'mutation($u: ID!, $t: ThemeAccompagnement!, $i: String!) { creerObjectif(usagerId: $u, theme: $t, intitule: $i) { objectif { id theme intitule statut dateCreation actions { id } } rejoue } }',
  modifier: 'mutation($u: ID!, $o: ID!, $i: String, $s: StatutObjectif) { modifierObjectif(usagerId: $u, objectifId: $o, intitule: $i, statut: $s) { objectif { id intitule statut } rejoue } }',
  ajouterAction: 'mutation($u: ID!, $o: ID!, $i: String!, $e: String) { ajouterAction(usagerId: $u, objectifId: $o, intitule: $i, echeance: $e) { action { id intitule statut echeance } rejoue } }',
  statutAction: 'mutation($u: ID!, $a: ID!, $s: StatutAction!) { changerStatutAction(usagerId: $u, actionId: $a, statut: $s) { action { id statut } rejoue } }',
  note: 'mutation($u: ID!, $t: String!, $a: AudienceNote!, $by: String!, $k: String) { ajouterNote(usagerId: $u, texte: $t, audience: $a, auteur: $by, cleIdempotence: $k) { note { id auteur date audience texte } usager { dossierPartage { notes { id } } } rejoue } }',
  planifier:
    'mutation($u: ID!, $d: String!, $h: String!) { planifierRendezVous(usagerId: $u, date: $d, heure: $h, lieu: "Maison des solidarités de Rodez", objet: "Bilan", avec: "Nadia Cayla") { rendezVous { id date heure lieu objet avec statut } rejoue } }',
  annuler: 'mutation($u: ID!, $r: ID!) { annulerRendezVous(usagerId: $u, rendezVousId: $r) { rendezVous { id statut } rejoue } }',
  contrat:
    'mutation($u: ID!, $d: String!, $f: String!, $o: [ID!]!) { enregistrerContratEngagement(usagerId: $u, dateDebut: $d, dateFin: $f, objectifIds: $o) { contratEngagement { dateDebut dateFin objectifs { id intitule } } rejoue } }',
  opposer:
    'mutation($u: ID!, $p: PartenaireSource!, $by: String!) { enregistrerOpposition(usagerId: $u, partenaire: $p, recueilliePar: $by) { opposition { partenaire dateOpposition recueilliePar active dateLevee } rejoue } }',
  lever: 'mutation($u: ID!, $p: PartenaireSource!) { leverOpposition(usagerId: $u, partenaire: $p) { opposition { partenaire dateOpposition recueilliePar active dateLevee } rejoue } }',
};

describe('departement subgraph: mutations', () => {
  it('designates a référent for a usager without one, idempotently', async () => {
    const [nir] = withoutReferent;
    expect(nir).toBeDefined();
    const variables = { u: codec.encode(nir!), r: 'ref-012', k: 'designation-0001' };
    const first = await graphql(m.designer, variables);
    expect(first).toEqual({
      data: { designerReferent: { referentDeParcours: { referent: { id: 'ref-012', nom: 'Marion Fabre', structure: 'CCAS de Rodez' }, depuis: '2026-11-01', jusqua: null }, rejoue: false } },
    });
    expect(await graphql(m.designer, variables)).toEqual({ data: { designerReferent: { ...first.data!.designerReferent, rejoue: true } } });
    expect((await readBack(nir!))?.historiqueReferents).toEqual([{ referent: { id: 'ref-012' }, depuis: '2026-11-01', jusqua: null }]);
    expect(calls()).toBe(3);
  });

  it('changes the référent: the old one ends today, the new one starts today, read back in the same answer', async () => {
    const result = await graphql(m.changer, { u: idOf('homonyme-rodez'), r: 'ref-008' });
    expect(result).toEqual({
      data: {
        changerReferent: {
          referentDeParcours: { referent: { id: 'ref-008' }, depuis: '2026-11-01' },
          usager: {
            historiqueReferents: [
              { referent: { id: 'ref-008' }, depuis: '2026-11-01', jusqua: null },
              { referent: { id: 'ref-007' }, depuis: '2025-10-06', jusqua: '2026-11-01' },
            ],
          },
          rejoue: false,
        },
      },
    });
    // The payload's usager was read from the file the command answered with: one call in all.
    expect(calls()).toBe(1);
  });

  it('orients a usager anew from today', async () => {
    expect(await graphql(m.orienter, { u: idOf('sans-domicile'), t: 'SOCIO_PROFESSIONNEL', o: '  CCAS de Rodez ' })).toEqual({
      data: { orienter: { orientation: { type: 'SOCIO_PROFESSIONNEL', organisme: 'CCAS de Rodez', date: '2026-11-01' }, rejoue: false } },
    });
    expect((await readBack(nirOf('sans-domicile')))?.rsa).toEqual({ orientation: { type: 'SOCIO_PROFESSIONNEL', organisme: 'CCAS de Rodez', date: '2026-11-01' } });
  });

  it('creates an objective, adds an action, moves it on, then reaches the objective', async () => {
    const u = idOf('exploitant-agricole');
    const created = await graphql(m.creer, { u, t: 'MAITRISE_DE_LA_LANGUE', i: 'Lire les courriers de la MSA' });
    const objectif = created.data?.creerObjectif?.objectif as { id: string };
    expect(created).toEqual({
      data: {
        creerObjectif: {
          objectif: { id: objectif.id, theme: 'MAITRISE_DE_LA_LANGUE', intitule: 'Lire les courriers de la MSA', statut: 'EN_COURS', dateCreation: '2026-11-01', actions: [] },
          rejoue: false,
        },
      },
    });
    expect(objectif.id).toMatch(/^OBJ-\d{6}$/);
    const added = await graphql(m.ajouterAction, { u, o: objectif.id, i: 'Atelier de lecture au CCAS', e: '2026-12-15' });
    const action = added.data?.ajouterAction?.action as { id: string };
    expect(added).toEqual({ data: { ajouterAction: { action: { id: action.id, intitule: 'Atelier de lecture au CCAS', statut: 'PREVUE', echeance: '2026-12-15' }, rejoue: false } } });
    expect(await graphql(m.statutAction, { u, a: action.id, s: 'EN_COURS' })).toEqual({ data: { changerStatutAction: { action: { id: action.id, statut: 'EN_COURS' }, rejoue: false } } });
    expect(await graphql(m.modifier, { u, o: objectif.id, i: 'Lire et écrire les courriers', s: 'ATTEINT' })).toEqual({
      data: { modifierObjectif: { objectif: { id: objectif.id, intitule: 'Lire et écrire les courriers', statut: 'ATTEINT' }, rejoue: false } },
    });
    expect((await readBack(nirOf('exploitant-agricole')))?.dossierPartage).toMatchObject({
      objectifs: [{ id: objectif.id, statut: 'ATTEINT', actions: [{ id: action.id, statut: 'EN_COURS', echeance: '2026-12-15' }] }],
    });
  });

  it('adds a note once under a key, its author the caller whatever `auteur` says: the retry is a replay, the key with another text a conflict', async () => {
    const variables = { u: idOf('sans-domicile'), t: 'Entrée en CHRS confirmée.', a: 'EQUIPE', by: 'Nadia Cayla', k: 'note-roux-2026-11-01' };
    const first = await graphql(m.note, variables);
    const note = first.data?.ajouterNote?.note as { id: string };
    expect(first).toEqual({
      data: {
        ajouterNote: {
          note: { id: note.id, auteur: 'agent CD12', date: '2026-11-01', audience: 'EQUIPE', texte: 'Entrée en CHRS confirmée.' },
          usager: { dossierPartage: { notes: [{ id: note.id }] } },
          rejoue: false,
        },
      },
    });
    expect(await graphql(m.note, variables)).toEqual({ data: { ajouterNote: { ...first.data!.ajouterNote, rejoue: true } } });
    const before = await readBack(nirOf('sans-domicile'));
    const conflict = await graphql(m.note, { ...variables, t: 'Autre texte.' });
    expect(conflict.data).toEqual({ ajouterNote: null });
    expect(conflict.errors?.[0]).toMatchObject({
      message: 'This idempotency key was already used for a different request.',
      extensions: { code: 'CONFLIT_IDEMPOTENCE', partenaire: 'departement', argument: 'cleIdempotence', retryable: false },
    });
    expect(await readBack(nirOf('sans-domicile'))).toEqual(before);
    expect((before?.dossierPartage as { notes: unknown[] }).notes).toHaveLength(1);
  });

  it('plans an appointment, then cancels it', async () => {
    const u = idOf('rsa-isolee');
    const planned = await graphql(m.planifier, { u, d: '2026-12-03', h: '09:15' });
    const rdv = planned.data?.planifierRendezVous?.rendezVous as { id: string };
    expect(planned).toEqual({
      data: {
        planifierRendezVous: {
          rendezVous: { id: rdv.id, date: '2026-12-03', heure: '09:15', lieu: 'Maison des solidarités de Rodez', objet: 'Bilan', avec: 'Nadia Cayla', statut: 'PLANIFIE' },
          rejoue: false,
        },
      },
    });
    expect(await graphql(m.annuler, { u, r: rdv.id })).toEqual({ data: { annulerRendezVous: { rendezVous: { id: rdv.id, statut: 'ANNULE' }, rejoue: false } } });
  });

  it('records a contrat d’engagement on the usager’s objectives', async () => {
    expect(await graphql(m.contrat, { u: idOf('sans-domicile'), d: '2026-11-01', f: '2027-10-31', o: ['OBJ-000003', 'OBJ-000003'] })).toEqual({
      data: {
        enregistrerContratEngagement: {
          contratEngagement: { dateDebut: '2026-11-01', dateFin: '2027-10-31', objectifs: [{ id: 'OBJ-000003', intitule: 'Accéder à un logement accompagné en sortie de CHRS' }] },
          rejoue: false,
        },
      },
    });
  });

  it('records an objection, taken down by the caller whatever `recueilliePar` says, then lifts it', async () => {
    const u = idOf('rsa-isolee');
    expect(await graphql(m.opposer, { u, p: 'FRANCE_TRAVAIL', by: 'Nadia Cayla' })).toEqual({
      data: { enregistrerOpposition: { opposition: { partenaire: 'FRANCE_TRAVAIL', dateOpposition: '2026-11-01', recueilliePar: 'agent CD12', active: true, dateLevee: null }, rejoue: false } },
    });
    expect(await graphql(m.lever, { u, p: 'FRANCE_TRAVAIL' })).toEqual({
      data: { leverOpposition: { opposition: { partenaire: 'FRANCE_TRAVAIL', dateOpposition: '2026-11-01', recueilliePar: 'agent CD12', active: false, dateLevee: '2026-11-01' }, rejoue: false } },
    });
    expect((await readBack(nirOf('rsa-isolee')))?.oppositions).toEqual([
      { partenaire: 'FRANCE_TRAVAIL', dateOpposition: '2026-11-01', recueilliePar: 'agent CD12', active: false, dateLevee: '2026-11-01' },
    ]);
  });

  const refusal = (code: string, message: string, argument?: string) => ({ message, extensions: { code, partenaire: 'departement', ...(argument ? { argument } : {}), retryable: false } });
  const invalid = (argument: string, message: string) => ({ message, extensions: { code: 'ARGUMENT_INVALIDE', argument, retryable: false } });

  it.each<[string, PersonaKey | 'sans-referent', keyof typeof m, Record<string, unknown>, { message: string; extensions: Record<string, unknown> }, number]>([
    ['a second active référent', 'rsa-isolee', 'designer', { r: 'ref-003' }, refusal('REFERENT_DEJA_ACTIF', 'The usager already has an active référent: change it instead.'), 1],
    ['a change to the same référent', 'rsa-isolee', 'changer', { r: 'ref-001' }, refusal('TRANSITION_INVALIDE', 'This référent is already the active one.'), 1],
    ['a change to an unknown référent', 'rsa-isolee', 'changer', { r: 'ref-404' }, refusal('OBJET_INTROUVABLE', 'No référent has this id.', 'referentId'), 1],
    ['a change without an active référent', 'sans-referent', 'changer', { r: 'ref-004' }, refusal('TRANSITION_INVALIDE', 'The usager has no active référent to change: designate one.'), 1],
    [
      'the same orientation again',
      'rsa-isolee',
      'orienter',
      { t: 'SOCIO_PROFESSIONNEL', o: 'Département – Maison des solidarités de Rodez' },
      refusal('TRANSITION_INVALIDE', 'The usager already has this orientation with this organisation.'),
      1,
    ],
    ['a blank organisation', 'rsa-isolee', 'orienter', { t: 'SOCIAL', o: '   ' }, invalid('organisme', 'organisme must be 1 to 200 characters.'), 0],
    ['an objective of 201 characters', 'rsa-isolee', 'creer', { t: 'EMPLOI', i: 'x'.repeat(201) }, invalid('intitule', 'intitule must be 1 to 200 characters.'), 0],
    ['an edit that changes nothing', 'rsa-isolee', 'modifier', { o: 'OBJ-000001' }, invalid('intitule', 'Give intitule, statut or both.'), 0],
    ['an edit of another usager’s objective', 'rsa-isolee', 'modifier', { o: 'OBJ-000003', s: 'ATTEINT' }, refusal('OBJET_INTROUVABLE', 'The usager has no objective with this id.', 'objectifId'), 1],
    ['an action on an unknown objective', 'rsa-isolee', 'ajouterAction', { o: 'OBJ-999999', i: 'x' }, refusal('OBJET_INTROUVABLE', 'The usager has no objective with this id.', 'objectifId'), 1],
    ['an action due on 31 February', 'rsa-isolee', 'ajouterAction', { o: 'OBJ-000001', i: 'x', e: '2027-02-31' }, invalid('echeance', 'echeance must be a date, YYYY-MM-DD.'), 0],
    [
      'closing a REALISEE action again',
      'rsa-isolee',
      'statutAction',
      { a: 'ACT-000001', s: 'REALISEE' },
      refusal('TRANSITION_INVALIDE', 'This state change is not allowed from the current state.'),
      1,
    ],
    ['restarting an abandoned action', 'rsa-isolee', 'statutAction', { a: 'ACT-000005', s: 'EN_COURS' }, refusal('TRANSITION_INVALIDE', 'This state change is not allowed from the current state.'), 1],
    ['an unknown action', 'rsa-isolee', 'statutAction', { a: 'ACT-000007', s: 'REALISEE' }, refusal('OBJET_INTROUVABLE', 'The usager has no action with this id.', 'actionId'), 1],
    [
      'a note under a malformed key',
      'rsa-isolee',
      'note',
      { t: 'x', a: 'EQUIPE', by: 'Nadia Cayla', k: 'court' },
      invalid('cleIdempotence', 'cleIdempotence must be 8 to 64 letters, digits, - or _.'),
      0,
    ],
    ['an appointment at 25:00', 'rsa-isolee', 'planifier', { d: '2026-12-03', h: '25:00' }, invalid('heure', 'heure must be HH:MM (24 h).'), 0],
    ['cancelling a cancelled appointment', 'rsa-isolee', 'annuler', { r: 'RDV-000001' }, refusal('TRANSITION_INVALIDE', 'This state change is not allowed from the current state.'), 1],
    ['cancelling an unknown appointment', 'rsa-isolee', 'annuler', { r: 'RDV-999999' }, refusal('OBJET_INTROUVABLE', 'The usager has no appointment with this id.', 'rendezVousId'), 1],
    [
      'a contract naming an unknown objective',
      'rsa-isolee',
      'contrat',
      { d: '2027-03-01', f: '2028-02-29', o: ['OBJ-000001', 'OBJ-999999'] },
      refusal('OBJET_INTROUVABLE', 'The usager has no objective with this id.', 'objectifIds'),
      1,
    ],
    ['a contract ending before it starts', 'rsa-isolee', 'contrat', { d: '2027-03-01', f: '2027-03-01', o: ['OBJ-000001'] }, invalid('dateFin', 'dateFin must come after dateDebut.'), 0],
    [
      'a contract with eleven objectives',
      'rsa-isolee',
      'contrat',
      { d: '2027-03-01', f: '2028-02-29', o: Array.from({ length: 11 }, (_, i) => `OBJ-${i}`) },
      invalid('objectifIds', 'objectifIds must name 1 to 10 objectives.'),
      0,
    ],
    [
      'a second objection to the landlords',
      'homonyme-rodez',
      'opposer',
      { p: 'BAILLEURS', by: 'Olivier Costes' },
      refusal('TRANSITION_INVALIDE', 'An objection is already active for this partner.'),
      1,
    ],
    ['lifting an objection already lifted', 'homonyme-rodez', 'lever', { p: 'CPAM' }, refusal('TRANSITION_INVALIDE', 'No objection is active for this partner.'), 1],
  ])('refuses %s and changes nothing', async (_case, who, mutation, variables, error, expectedCalls) => {
    const nir = who === 'sans-referent' ? withoutReferent[1]! : nirOf(who);
    const before = await readBack(nir);
    bed.calls('departement').reset();
    const result = await graphql(m[mutation], { u: codec.encode(nir), ...variables });
    expect(result.data).toEqual({ [Object.keys(result.data ?? {})[0] ?? 'none']: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject(error);
    expect(result.errors?.[0]?.extensions).toEqual(error.extensions);
    expect(calls()).toBe(expectedCalls);
    expect(await readBack(nir)).toEqual(before);
  });

  it('refuses a usager the Département does not know (USAGER_INCONNU) and a forged id (no call)', async () => {
    const unknown = await graphql(m.note, { u: codec.encode(nirOf('registre-seul')), t: 'x', a: 'EQUIPE', by: 'Nadia Cayla' });
    expect(unknown.errors?.[0]).toMatchObject(refusal('USAGER_INCONNU', 'The Département holds no file for this usager.', 'usagerId'));
    expect(await graphql(m.note, { u: codec.encode(unknownNir()), t: 'x', a: 'EQUIPE', by: 'Nadia Cayla' })).toMatchObject({
      data: { ajouterNote: null },
      errors: [{ extensions: { code: 'USAGER_INCONNU' } }],
    });
    expect(calls()).toBe(2);
    const forged = await graphql(m.note, { u: `${idOf('rsa-isolee').slice(0, -2)}AA`, t: 'x', a: 'EQUIPE', by: 'Nadia Cayla' });
    expect(forged.errors?.[0]).toMatchObject({ message: 'This usager id was not issued by Passerelle.', extensions: { code: 'IDENTIFIANT_USAGER_INVALIDE', argument: 'usagerId', retryable: false } });
    expect(calls()).toBe(2);
  });

  it('turns an outage of the Département into PARTENAIRE_INDISPONIBLE, and a malformed answer into PARTENAIRE_REPONSE_INVALIDE', async () => {
    const commandes = `${testUrlOf('departement')}/api/rsa/v1/commandes/:commande`;
    bed.legacy.use(http.post(commandes, () => HttpResponse.json({ code_erreur: 'SERVICE_INDISPONIBLE', libelle: 'Service momentanément indisponible' }, { status: 503 })));
    const down = await graphql(m.note, { u: idOf('rsa-isolee'), t: 'x', a: 'EQUIPE', by: 'Nadia Cayla' });
    expect(down).toEqual({
      data: { ajouterNote: null },
      errors: [
        {
          message: 'The departement system is unavailable.',
          locations: expect.any(Array),
          path: ['ajouterNote'],
          extensions: { code: 'PARTENAIRE_INDISPONIBLE', partenaire: 'departement', retryable: true },
        },
      ],
    });
    bed.legacy.use(http.post(commandes, () => HttpResponse.json({ id_objet: 'NOT-1', beneficiaire: { nir: 1 } })));
    const malformed = await graphql(m.note, { u: idOf('rsa-isolee'), t: 'x', a: 'EQUIPE', by: 'Nadia Cayla' });
    expect(malformed.errors?.[0]?.extensions).toEqual({ code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'departement', retryable: false });
    expect(JSON.stringify([down, malformed])).not.toContain('legacy.test');
  });
});
