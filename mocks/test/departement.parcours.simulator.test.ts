import { createPopulation, expectLegacyError, legacySystem, postLegacy, useLegacyTestServer } from '../src/index';
import type { BeneficiaireDepartement } from '../src/simulators/departement/BeneficiaireDepartement';
import { createDepartementStore } from '../src/simulators/departement/createDepartementStore';
import { referentsDepartement } from '../src/simulators/departement/referentsDepartement';

const population = createPopulation({ size: 1500, seed: 7 });
const departement = legacySystem('departement');
const headers = { [departement.apiKeyHeader]: departement.devApiKey };
const nirOf = (key: Parameters<typeof population.persona>[0]) => population.persona(key).nir;
const jour = '20261101';

type Answer = { status: number; body: { id_objet?: string | null; beneficiaire?: BeneficiaireDepartement; code_erreur?: string } };
/** A fresh store and a helper that runs a command without a key. */
function fresh() {
  const store = createDepartementStore(population);
  const run = (commande: Parameters<typeof store.executer>[0], corps: Record<string, unknown>): Answer => store.executer(commande, corps as never, null) as Answer;
  return { store, run };
}

describe('Département simulator: parcours for any usager', () => {
  it('holds no file for a persona without RSA, then creates one when a parcours is opened', () => {
    const { store, run } = fresh();
    const nir = nirOf('retraite-aspa');
    expect(store.beneficiaire(nir)).toBeUndefined();
    expect(run('ajout-note', { nir, auteur: 'x', cd_audience: 'USA', texte: 'x' })).toEqual({
      status: 404,
      body: { code_erreur: 'BENEFICIAIRE_INCONNU', libelle: 'Aucun dossier pour ce NIR' },
      rejeu: false,
    });
    const opened = run('ouverture-parcours', { nir, cd_motif: 'VIE', ouvert_par: 'accueil MDS-RODEZ' });
    expect(opened.status).toBe(200);
    expect(opened.body.beneficiaire).toEqual({
      nir,
      dossier_rsa: null,
      parcours: [{ id_parcours: opened.body.id_objet, cd_motif: 'VIE', dt_ouverture: jour, ouvert_par: 'accueil MDS-RODEZ', dt_cloture: null, cd_issue: null }],
      referents: [],
      equipe: [],
      objectifs: [],
      notes: [],
      rendez_vous: [],
      contrat: null,
      oppositions: [],
    });
    expect(opened.body.id_objet).toMatch(/^PAR-\d{6}$/);
  });

  it('refuses a second open parcours, and an RSA parcours without an RSA file, creating nothing', () => {
    const { store, run } = fresh();
    const nir = nirOf('demandeur-emploi');
    expect(run('ouverture-parcours', { nir, cd_motif: 'RSA', ouvert_par: 'agent CD12' }).body.code_erreur).toBe('SANS_DOSSIER_RSA');
    expect(store.beneficiaire(nir)).toBeUndefined();
    expect(run('ouverture-parcours', { nir, cd_motif: 'INS', ouvert_par: 'agent CD12' }).status).toBe(200);
    expect(run('ouverture-parcours', { nir, cd_motif: 'LOG', ouvert_par: 'agent CD12' }).body.code_erreur).toBe('PARCOURS_DEJA_OUVERT');
    expect(store.beneficiaire(nir)?.parcours).toHaveLength(1);
    expect(run('ouverture-parcours', { nir: nirOf('rsa-isolee'), cd_motif: 'LOG', ouvert_par: 'agent CD12' }).body.code_erreur).toBe('PARCOURS_DEJA_OUVERT');
  });

  it('refuses to designate a référent without an open parcours, unless the usager has an RSA file (its RSA parcours then opens)', () => {
    const { store, run } = fresh();
    const nir = nirOf('demandeur-emploi');
    run('ouverture-parcours', { nir, cd_motif: 'INS', ouvert_par: 'agent CD12' });
    run('cloture-parcours', { nir, cd_issue: 'REO' });
    expect(run('designation-referent', { nir, id_referent: 'ref-028', auteur: null }).body.code_erreur).toBe('AUCUN_PARCOURS_OUVERT');
    const rsaSansReferent = [...store.beneficiaires()].find((b) => b.dossier_rsa !== null && b.parcours.length === 0)!;
    const designated = run('designation-referent', { nir: rsaSansReferent.nir, id_referent: 'ref-012', auteur: 'agent CD12' });
    const [parcours] = designated.body.beneficiaire?.parcours ?? [];
    expect(parcours).toEqual({ id_parcours: parcours?.id_parcours, cd_motif: 'RSA', dt_ouverture: jour, ouvert_par: 'agent CD12', dt_cloture: null, cd_issue: null });
    expect(parcours?.id_parcours).toMatch(/^PAR-\d{6}$/);
    expect(designated.body.beneficiaire?.parcours).toHaveLength(1);
  });

  it('builds a team around the référent: refuses the référent, an unknown professional, an active member; a member who becomes référent leaves the team', () => {
    const { run } = fresh();
    const nir = nirOf('retraite-aspa');
    expect(run('ajout-membre-equipe', { nir: nirOf('rsa-isolee'), id_referent: 'ref-001', cd_role: 'CON', fonction: null }).body.code_erreur).toBe('MEMBRE_EST_REFERENT');
    run('ouverture-parcours', { nir, cd_motif: 'VIE', ouvert_par: 'agent CD12' });
    run('designation-referent', { nir, id_referent: 'ref-023', auteur: null });
    expect(run('ajout-membre-equipe', { nir, id_referent: 'ref-999', cd_role: 'CON', fonction: null }).body.code_erreur).toBe('REFERENT_INCONNU');
    expect(run('ajout-membre-equipe', { nir, id_referent: 'ref-023', cd_role: 'CON', fonction: null }).body.code_erreur).toBe('MEMBRE_EST_REFERENT');
    expect(run('ajout-membre-equipe', { nir, id_referent: 'ref-021', cd_role: 'CON', fonction: 'Travailleuse sociale' }).status).toBe(200);
    expect(run('ajout-membre-equipe', { nir, id_referent: 'ref-021', cd_role: 'LEC', fonction: null }).body.code_erreur).toBe('MEMBRE_DEJA_ACTIF');
    expect(run('ajout-membre-equipe', { nir, id_referent: 'ref-025', cd_role: 'LEC', fonction: null }).status).toBe(200);
    expect(run('retrait-membre-equipe', { nir, id_referent: 'ref-025' }).status).toBe(200);
    expect(run('retrait-membre-equipe', { nir, id_referent: 'ref-025' }).body.code_erreur).toBe('MEMBRE_INCONNU');
    const changed = run('changement-referent', { nir, id_referent: 'ref-021' }).body.beneficiaire!;
    expect(changed.equipe).toEqual([
      {
        id_referent: 'ref-021',
        nom: 'Hélène Delmas',
        structure: "CAF de l'Aveyron – Action sociale",
        partenaire_passerelle: 'caf',
        cd_role: 'CON',
        fonction: 'Travailleuse sociale',
        dt_debut: jour,
        dt_fin: jour,
      },
      { id_referent: 'ref-025', nom: 'Agnès Fraysse', structure: 'Rodez Agglo Habitat', partenaire_passerelle: 'bailleurs', cd_role: 'LEC', fonction: null, dt_debut: jour, dt_fin: jour },
    ]);
  });

  it('closes a parcours with its outcome, ending the référent and every team member that day; a closed parcours takes no second closure', () => {
    const { run } = fresh();
    const nir = nirOf('rsa-isolee');
    run('ajout-membre-equipe', { nir, id_referent: 'ref-025', cd_role: 'CON', fonction: null });
    const closed = run('cloture-parcours', { nir, cd_issue: 'OBJ' }).body.beneficiaire!;
    expect(closed.parcours).toEqual([{ id_parcours: 'PAR-000001', cd_motif: 'RSA', dt_ouverture: '20240304', ouvert_par: 'CD12', dt_cloture: jour, cd_issue: 'OBJ' }]);
    expect([...closed.referents, ...closed.equipe].filter((l) => l.dt_fin === null)).toEqual([]);
    expect(run('cloture-parcours', { nir, cd_issue: 'OBJ' }).body.code_erreur).toBe('AUCUN_PARCOURS_OUVERT');
    expect(run('ajout-membre-equipe', { nir, id_referent: 'ref-021', cd_role: 'CON', fonction: null }).body.code_erreur).toBe('AUCUN_PARCOURS_OUVERT');
  });

  it('records appointment outcomes from PLANIFIE only; a postponement with a date plans the appointment again', () => {
    const { run } = fresh();
    const nir = nirOf('rsa-isolee');
    expect(run('issue-rdv', { nir, id_rdv: 'RDV-000001', cd_issue: 'HON', dt_report: null, hr_report: null }).body.code_erreur).toBe('TRANSITION_INTERDITE');
    const reporte = run('issue-rdv', { nir, id_rdv: 'RDV-000002', cd_issue: 'REP', dt_report: '20261125', hr_report: '0930' }).body.beneficiaire!;
    const [, ancien, nouveau] = reporte.rendez_vous;
    expect(ancien).toMatchObject({ id_rdv: 'RDV-000002', cd_statut: 'REP', id_rdv_report: nouveau?.id_rdv });
    expect(nouveau).toEqual({ ...ancien, id_rdv: nouveau?.id_rdv, dt_rdv: '20261125', hr_rdv: '0930', cd_statut: 'PLA', id_rdv_report: null });
    expect(run('issue-rdv', { nir, id_rdv: nouveau!.id_rdv, cd_issue: 'NHO', dt_report: null, hr_report: null }).body.beneficiaire?.rendez_vous.at(-1)?.cd_statut).toBe('NHO');
    expect(run('annulation-rdv', { nir, id_rdv: nouveau!.id_rdv }).body.code_erreur).toBe('TRANSITION_INTERDITE');
  });

  it('records the structure carrying an action: a professional of the directory, or the Département', () => {
    const { run } = fresh();
    const nir = nirOf('rsa-isolee');
    const withPorteur = run('ajout-action', { nir, id_objectif: 'OBJ-000002', intitule: 'Visite à domicile', dt_echeance: null, id_referent_porteur: 'ref-025' });
    expect(withPorteur.body.beneficiaire?.objectifs[1]?.actions.at(-1)).toMatchObject({ structure_porteuse: 'Rodez Agglo Habitat', partenaire_porteur: 'bailleurs' });
    const ccas = run('ajout-action', { nir, id_objectif: 'OBJ-000002', intitule: 'Aide alimentaire', dt_echeance: null, id_referent_porteur: 'ref-012' });
    expect(ccas.body.beneficiaire?.objectifs[1]?.actions.at(-1)).toMatchObject({ structure_porteuse: 'CCAS de Rodez', partenaire_porteur: null });
    expect(run('ajout-action', { nir, id_objectif: 'OBJ-000002', intitule: 'x', dt_echeance: null, id_referent_porteur: 'ref-999' }).body.code_erreur).toBe('REFERENT_INCONNU');
  });

  it('lists every professional with the partner code of its institution, keeping the first twenty', () => {
    expect(referentsDepartement.slice(0, 20).map((r) => r.nom)).toContain('Nadia Cayla');
    const codes = new Set(referentsDepartement.map((r) => r.partenaire_passerelle));
    expect(codes).toEqual(new Set(['departement', 'france-travail', null, 'msa', 'chambres-consulaires', 'caf', 'carsat', 'bailleurs']));
    expect(referentsDepartement.filter((r) => r.structure.startsWith('CCAS')).every((r) => r.partenaire_passerelle === null)).toBe(true);
  });

  it('seeds non-RSA parcours for generated usagers only, each with an open parcours and an active référent', () => {
    const { store } = fresh();
    const horsRsa = [...store.beneficiaires()].filter((b) => b.dossier_rsa === null);
    expect(horsRsa.length).toBeGreaterThan(10);
    const personas = new Set(population.personas.map((p) => population.persona(p.key).nir));
    for (const b of horsRsa) {
      expect(personas.has(b.nir)).toBe(false);
      expect([b.parcours.filter((p) => p.dt_cloture === null).length, b.referents.filter((r) => r.dt_fin === null).length]).toEqual([1, 1]);
      expect(b.parcours[0]?.cd_motif).not.toBe('RSA');
    }
    expect(horsRsa.some((b) => b.equipe.length > 0)).toBe(true);
  });
});

describe('Département simulator: provisional keys and reconciliation', () => {
  useLegacyTestServer(population, ['departement']);
  const prv = 'PRV000000000042';
  const commande = (name: string, body: unknown) => postLegacy('departement', `/api/rsa/v1/commandes/${name}`, body, headers);
  const rapprocher = (body: unknown, h: Record<string, string> = headers) => postLegacy('departement', '/api/rsa/v1/rapprochements', body, h);
  const lot = async (nirs: string[]) =>
    (await (await postLegacy('departement', '/api/rsa/v1/beneficiaires/lot', { nirs_beneficiaires: nirs }, headers)).json()) as { beneficiaires: BeneficiaireDepartement[]; nb_inconnus: number };

  it('opens a parcours under a provisional key, moves it to a NIR without a file, and answers 0 to a retry', async () => {
    expect((await commande('ouverture-parcours', { nir: prv, cd_motif: 'ADR', ouvert_par: 'accueil MDS-RODEZ' })).status).toBe(200);
    expect((await commande('ajout-note', { nir: prv, auteur: 'accueil MDS-RODEZ', cd_audience: 'EQU', texte: 'Premier accueil.' })).status).toBe(200);
    expect((await lot([prv])).beneficiaires).toHaveLength(1);
    const nir = nirOf('registre-seul');
    const moved = await rapprocher({ cle_provisoire: prv, nir });
    expect([moved.status, await moved.json()]).toEqual([200, { deplaces: 2 }]);
    expect(await lot([prv, nir])).toMatchObject({ nb_inconnus: 1, beneficiaires: [{ nir, parcours: [{ cd_motif: 'ADR' }], notes: [{ texte: 'Premier accueil.' }] }] });
    const retry = await rapprocher({ cle_provisoire: prv, nir });
    expect([retry.status, await retry.json()]).toEqual([200, { deplaces: 0 }]);
  });

  it('merges into the NIR’s file: lists concatenated oldest first, the NIR’s open parcours and référent kept, no duplicate left', async () => {
    const cle = 'PRV000000000043';
    const nir = nirOf('rsa-isolee');
    await commande('ouverture-parcours', { nir: cle, cd_motif: 'LOG', ouvert_par: 'accueil MDS-RODEZ' });
    await commande('designation-referent', { nir: cle, id_referent: 'ref-025' });
    await commande('ajout-membre-equipe', { nir: cle, id_referent: 'ref-021', cd_role: 'CON' });
    const answer = await rapprocher({ cle_provisoire: cle, nir });
    expect([answer.status, await answer.json()]).toEqual([200, { deplaces: 3 }]);
    const [merged] = (await lot([nir])).beneficiaires;
    expect(merged?.parcours.map((p) => [p.cd_motif, p.dt_cloture, p.cd_issue])).toEqual([
      ['RSA', null, null],
      ['LOG', jour, 'FUS'],
    ]);
    expect(merged?.referents.filter((r) => r.dt_fin === null).map((r) => r.id_referent)).toEqual(['ref-001']);
    expect(merged?.referents.map((r) => r.id_referent)).toEqual(['ref-002', 'ref-001', 'ref-025']);
    expect(merged?.equipe.map((m) => [m.id_referent, m.dt_fin])).toEqual([['ref-021', null]]);
    expect((await lot([cle])).beneficiaires).toEqual([]);
  });

  it.each([
    ['a NIR as the provisional key', { cle_provisoire: '286041220200135', nir: '286041220200135' }, 'Champ invalide : cle_provisoire'],
    ['a provisional key as the NIR', { cle_provisoire: prv, nir: 'PRV000000000001' }, 'Champ invalide : nir'],
    ['no body field', {}, 'Champ invalide : cle_provisoire'],
  ])('answers 400 to a reconciliation with %s', async (_case, body, libelle) => {
    await expectLegacyError(await rapprocher(body), 400, { code_erreur: 'REQUETE_INVALIDE', libelle });
  });

  it('refuses a reconciliation without the API key', async () => {
    expect((await rapprocher({ cle_provisoire: prv, nir: nirOf('rsa-isolee') }, {})).status).toBe(401);
  });
});
