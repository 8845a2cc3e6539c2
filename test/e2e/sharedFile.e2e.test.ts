import { expect } from '@jest/globals';
import type { PersonaKey } from '@passerelle/mocks';
import { asAgent, asReferent, query, startTestFederation, testCodec, type GraphQLAnswer, type TestCaller } from '../src/e2e/testFederation';
import type { RunningFederation } from '@passerelle/dev';

let federation: RunningFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const idOf = (key: PersonaKey) => testCodec.encode(federation.population.persona(key).nir);

/** Everything the agency itself holds about a usager, read back through the gateway. */
const fileQuery = /* GraphQL */ `
  query Dossier($id: ID!) {
    usager(id: $id) {
      rsa {
        orientation {
          type
          organisme
          date
        }
      }
      referentDeParcours {
        referent {
          id
        }
        depuis
      }
      historiqueReferents {
        referent {
          id
        }
        depuis
        jusqua
      }
      dossierPartage {
        objectifs {
          id
          theme
          intitule
          statut
          actions {
            id
            intitule
            statut
            echeance
          }
        }
        notes {
          id
          auteur
          audience
          texte
        }
        rendezVous {
          id
          date
          heure
          statut
        }
        contratEngagement {
          dateDebut
          dateFin
          objectifs {
            id
          }
        }
      }
      oppositions {
        partenaire
        active
        recueilliePar
        dateLevee
      }
      orientations {
        motif
        precision
        cible {
          partenaire
          lieu {
            id
          }
        }
      }
    }
  }
`;
type Objectif = { id: string; statut: string; actions: Array<{ id: string; statut: string }> };
type Dossier = { usager: { dossierPartage: { objectifs: Objectif[]; notes: unknown[]; rendezVous: Array<{ id: string; statut: string }> } } & Record<string, unknown> };
/** Nadia Cayla (ref-001), the référent of rsa-isolee and sans-domicile. */
const nadia = asReferent('ref-001');
const readBack = async (id: string, as: TestCaller = nadia) => (await query<Dossier>(federation, fileQuery, { id }, as)).data!.usager;

const m = {
  designer: 'mutation($u: ID!, $r: ID!) { designerReferent(usagerId: $u, referentId: $r) { referentDeParcours { referent { id } } rejoue } }',
  changer: 'mutation($u: ID!, $r: ID!) { changerReferent(usagerId: $u, referentId: $r) { referentDeParcours { referent { id } } rejoue } }',
  creer:
    'mutation($u: ID!, $t: ThemeAccompagnement!, $i: String!, $k: String) { creerObjectif(usagerId: $u, theme: $t, intitule: $i, cleIdempotence: $k) { objectif { id theme intitule statut } rejoue } }',
  ajouterAction: 'mutation($u: ID!, $o: ID!, $i: String!, $e: String) { ajouterAction(usagerId: $u, objectifId: $o, intitule: $i, echeance: $e) { action { id statut echeance } rejoue } }',
  statutAction: 'mutation($u: ID!, $a: ID!, $s: StatutAction!) { changerStatutAction(usagerId: $u, actionId: $a, statut: $s) { action { id statut } rejoue } }',
  note: 'mutation($u: ID!, $t: String!, $k: String) { ajouterNote(usagerId: $u, texte: $t, audience: EQUIPE, auteur: "Nadia Cayla", cleIdempotence: $k) { note { id texte } rejoue } }',
  planifier:
    'mutation($u: ID!, $d: String!, $h: String!) { planifierRendezVous(usagerId: $u, date: $d, heure: $h, lieu: "Maison des solidarités de Rodez", objet: "Bilan", avec: "Nadia Cayla") { rendezVous { id statut } rejoue } }',
  annuler: 'mutation($u: ID!, $r: ID!) { annulerRendezVous(usagerId: $u, rendezVousId: $r) { rendezVous { id statut } rejoue } }',
  contrat:
    'mutation($u: ID!, $d: String!, $f: String!, $o: [ID!]!) { enregistrerContratEngagement(usagerId: $u, dateDebut: $d, dateFin: $f, objectifIds: $o) { contratEngagement { dateDebut dateFin } rejoue } }',
  opposer: 'mutation($u: ID!, $p: PartenaireSource!) { enregistrerOpposition(usagerId: $u, partenaire: $p, recueilliePar: "Olivier Costes") { opposition { partenaire active } rejoue } }',
  lever: 'mutation($u: ID!, $p: PartenaireSource!) { leverOpposition(usagerId: $u, partenaire: $p) { opposition { partenaire active } rejoue } }',
  orienter:
    'mutation($u: ID!, $vers: CibleOrientationInput!, $k: String) { orienterUsager(usagerId: $u, vers: $vers, motif: LOGEMENT, cleIdempotence: $k) { orientation { motif cible { partenaire lieu { id } } } rejoue } }',
};
const run = (mutation: keyof typeof m, variables: Record<string, unknown>, as: TestCaller = nadia) => query<Record<string, Record<string, unknown> | null>>(federation, m[mutation], variables, as);
const ok = (answer: GraphQLAnswer<Record<string, Record<string, unknown> | null>>) => {
  expect(answer.errors).toBeUndefined();
  return Object.values(answer.data!)[0]!;
};

describe('the shared file through the gateway: mutations, read back in the same graph', () => {
  it('builds a parcours: objective, action moved on, note retried under its key, appointment cancelled, contract, objection, referral', async () => {
    const u = idOf('sans-domicile');
    const objectif = ok(await run('creer', { u, t: 'EMPLOI', i: 'Reprendre une formation qualifiante', k: 'e2e-objectif-0001' })).objectif as { id: string };
    const replay = ok(await run('creer', { u, t: 'EMPLOI', i: 'Reprendre une formation qualifiante', k: 'e2e-objectif-0001' }));
    expect(replay).toEqual({ objectif: expect.objectContaining({ id: objectif.id }), rejoue: true });
    const action = ok(await run('ajouterAction', { u, o: objectif.id, i: 'Rendez-vous avec le conseiller formation', e: '2027-01-15' })).action as { id: string };
    expect(ok(await run('statutAction', { u, a: action.id, s: 'EN_COURS' }))).toEqual({ action: { id: action.id, statut: 'EN_COURS' }, rejoue: false });
    expect(ok(await run('statutAction', { u, a: action.id, s: 'REALISEE' }))).toEqual({ action: { id: action.id, statut: 'REALISEE' }, rejoue: false });
    ok(await run('note', { u, t: 'Inscrit à la session de janvier.', k: 'e2e-note-00001' }));
    expect(ok(await run('note', { u, t: 'Inscrit à la session de janvier.', k: 'e2e-note-00001' }))).toMatchObject({ rejoue: true });
    const rdv = ok(await run('planifier', { u, d: '2026-12-10', h: '14:30' })).rendezVous as { id: string };
    expect(ok(await run('annuler', { u, r: rdv.id }))).toEqual({ rendezVous: { id: rdv.id, statut: 'ANNULE' }, rejoue: false });
    ok(await run('contrat', { u, d: '2027-01-01', f: '2027-12-31', o: [objectif.id] }));
    ok(await run('opposer', { u, p: 'CARSAT' }));
    ok(await run('orienter', { u, vers: { partenaire: 'SIAO' }, k: 'e2e-orientation-1' }));

    const file = await readBack(u);
    const created = file.dossierPartage.objectifs.find((o) => o.id === objectif.id);
    expect(created).toMatchObject({ theme: 'EMPLOI', statut: 'EN_COURS', actions: [{ id: action.id, statut: 'REALISEE', echeance: '2027-01-15' }] });
    expect(file.dossierPartage.notes.filter((n) => (n as { texte: string }).texte === 'Inscrit à la session de janvier.')).toHaveLength(1);
    expect(file.dossierPartage.rendezVous.find((r) => r.id === rdv.id)).toMatchObject({ statut: 'ANNULE' });
    expect(file.dossierPartage).toMatchObject({ contratEngagement: { dateDebut: '2027-01-01', dateFin: '2027-12-31', objectifs: [{ id: objectif.id }] } });
    // Taken down by the caller (her référent), whatever the deprecated `recueilliePar` says.
    expect(file.oppositions).toEqual([{ partenaire: 'CARSAT', active: true, recueilliePar: 'référent ref-001 (CD12)', dateLevee: null }]);
    expect(file.orientations).toEqual([{ motif: 'LOGEMENT', precision: null, cible: { partenaire: 'SIAO', lieu: null } }]);
  });

  const refusal = (code: string, argument?: string) => ({ code, ...(argument ? { argument } : {}) });
  it.each<[string, PersonaKey, keyof typeof m, (file: Dossier['usager']) => Record<string, unknown>, Record<string, string>]>([
    ['a second active référent', 'rsa-isolee', 'designer', () => ({ r: 'ref-003' }), refusal('REFERENT_DEJA_ACTIF')],
    ['a change to an unknown référent', 'rsa-isolee', 'changer', () => ({ r: 'ref-404' }), refusal('OBJET_INTROUVABLE', 'referentId')],
    ['an objective of 201 characters', 'rsa-isolee', 'creer', () => ({ t: 'EMPLOI', i: 'x'.repeat(201) }), refusal('ARGUMENT_INVALIDE', 'intitule')],
    ['an action on an unknown objective', 'rsa-isolee', 'ajouterAction', () => ({ o: 'OBJ-999999', i: 'x' }), refusal('OBJET_INTROUVABLE', 'objectifId')],
    ['an action due on 31 February', 'rsa-isolee', 'ajouterAction', (f) => ({ o: f.dossierPartage.objectifs[0]!.id, i: 'x', e: '2027-02-31' }), refusal('ARGUMENT_INVALIDE', 'echeance')],
    [
      'closing a done action twice',
      'rsa-isolee',
      'statutAction',
      (f) => ({ a: f.dossierPartage.objectifs.flatMap((o) => o.actions).find((a) => a.statut === 'REALISEE')!.id, s: 'REALISEE' }),
      refusal('TRANSITION_INVALIDE'),
    ],
    ['a note under a malformed key', 'rsa-isolee', 'note', () => ({ t: 'x', k: 'court' }), refusal('ARGUMENT_INVALIDE', 'cleIdempotence')],
    ['an appointment at 25:00', 'rsa-isolee', 'planifier', () => ({ d: '2026-12-03', h: '25:00' }), refusal('ARGUMENT_INVALIDE', 'heure')],
    ['a contract ending before it starts', 'rsa-isolee', 'contrat', (f) => ({ d: '2027-03-01', f: '2027-02-01', o: [f.dossierPartage.objectifs[0]!.id] }), refusal('ARGUMENT_INVALIDE', 'dateFin')],
    ['lifting an objection that is not active', 'rsa-isolee', 'lever', () => ({ p: 'CPAM' }), refusal('TRANSITION_INVALIDE')],
    ['a referral to an unknown place', 'rsa-isolee', 'orienter', () => ({ vers: { lieuId: 'MDS-NULLEPART' } }), refusal('OBJET_INTROUVABLE', 'vers')],
  ])('refuses %s with a stable code and changes nothing', async (_case, who, mutation, variablesOf, expected) => {
    const u = idOf(who);
    const before = await readBack(u);
    const answer = await run(mutation, { u, ...variablesOf(before) });
    expect(answer.status).toBe(200);
    expect(Object.values(answer.data ?? {})).toEqual([null]);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0]!.extensions).toMatchObject({ ...expected, retryable: false });
    expect(await readBack(u)).toEqual(before);
  });

  it('refuses the same idempotency key reused for another objective, keeping the first (as the usager’s own référent, ref-007)', async () => {
    const u = idOf('homonyme-rodez');
    const hisReferent = asReferent('ref-007');
    ok(await run('creer', { u, t: 'LOGEMENT', i: 'Trouver un T2', k: 'e2e-conflit-0001' }, hisReferent));
    const before = await readBack(u, hisReferent);
    const conflict = await run('creer', { u, t: 'LOGEMENT', i: 'Trouver un T3', k: 'e2e-conflit-0001' }, hisReferent);
    expect(conflict.errors?.map((e) => e.extensions?.code)).toEqual(['CONFLIT_IDEMPOTENCE']);
    expect(await readBack(u, hisReferent)).toEqual(before);
  });

  it('refuses a shared-file write for someone the Département does not know (a Département agent: USAGER_INCONNU)', async () => {
    const answer = await run('note', { u: idOf('registre-seul'), t: 'x' }, asAgent('departement', 'accompagnement'));
    expect(answer.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'USAGER_INCONNU', argument: 'usagerId', retryable: false })]);
  });

  it('refuses a référent writing to the file of someone outside their caseload, before the Département is asked to write', async () => {
    const u = idOf('homonyme-rodez');
    const before = await readBack(u, asReferent('ref-007'));
    const answer = await run('creer', { u, t: 'EMPLOI', i: 'Intrusion' });
    expect(answer.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['creerObjectif'], 'ACCES_REFUSE']]);
    expect(await readBack(u, asReferent('ref-007'))).toEqual(before);
  });

  it('refuses a forged usager id before any partner is called', async () => {
    federation.simulator.reset();
    const forged = `${idOf('rsa-isolee').slice(0, -2)}AA`;
    const answer = await run('note', { u: forged, t: 'x' });
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['IDENTIFIANT_USAGER_INVALIDE']);
    expect(federation.simulator.stats().departement).toBe(0);
  });
});
