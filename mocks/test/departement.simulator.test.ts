import { createPopulation, expectLegacyError, keyRefusalCases, keyRefused, legacySystem, postLegacy, testUrlOf, useLegacyTestServer } from '../src/index';
import type { BeneficiaireDepartement } from '../src/simulators/departement/BeneficiaireDepartement';
import { createDepartementStore } from '../src/simulators/departement/createDepartementStore';
import { fichiersRsa, soumisEtOuvert } from '../src/simulators/departement/fichiersRsa';
import { transitionsAction } from '../src/simulators/departement/transitionsDepartement';

// 1,500 people: enough for ref-001's caseload of two personas and fifty generated usagers.
const population = createPopulation({ size: 1500, seed: 7 });
const departement = legacySystem('departement');
const headers = { [departement.apiKeyHeader]: departement.devApiKey };

const lot = (body: unknown, h?: Record<string, string>) => postLegacy('departement', '/api/rsa/v1/beneficiaires/lot', body, h);
const commande = (name: string, body: unknown, cle?: string) => postLegacy('departement', `/api/rsa/v1/commandes/${name}`, body, cle === undefined ? headers : { ...headers, 'Idempotency-Key': cle });
const portefeuille = (id: string, query = '') => fetch(`${testUrlOf('departement')}/api/rsa/v1/referents/${id}/portefeuille${query}`, { headers });
const nirOf = (key: Parameters<typeof population.persona>[0]) => population.persona(key).nir;

interface LotAnswer {
  beneficiaires: BeneficiaireDepartement[];
  nb_inconnus: number;
}
interface PageAnswer {
  id_referent: string;
  total: number;
  debut: number;
  nombre: number;
  beneficiaires: BeneficiaireDepartement[];
}
const fileOf = async (nir: string) => ((await (await lot({ nirs_beneficiaires: [nir] })).json()) as LotAnswer).beneficiaires[0];

useLegacyTestServer(population, ['departement']);

describe('Département simulator', () => {
  it('is registered with its conventions', () => {
    expect(departement).toMatchObject({ name: 'departement', prefix: '/departement', apiKeyHeader: 'X-Cd12-Cle', maxBatchSize: 100 });
  });

  it.each(keyRefusalCases('departement', 'X-Api-Key'))('refuses a call %s with 401', async (_case, h) => {
    await expectLegacyError(await lot({ nirs_beneficiaires: [nirOf('rsa-isolee')] }, h), 401, keyRefused);
    await expectLegacyError(await postLegacy('departement', '/api/rsa/v1/commandes/ajout-note', { nir: nirOf('rsa-isolee') }, h), 401, keyRefused);
    const page = await fetch(`${testUrlOf('departement')}/api/rsa/v1/referents/ref-001/portefeuille`, { headers: h });
    await expectLegacyError(page, 401, keyRefused);
  });

  it('accepts 100 NIRs and refuses 101 with 413', async () => {
    const nirs = population.personnes.slice(0, 101).map((p) => p.nir);
    expect((await lot({ nirs_beneficiaires: nirs.slice(0, 100) })).status).toBe(200);
    await expectLegacyError(await lot({ nirs_beneficiaires: nirs }), 413, { code_erreur: 'LOT_TROP_GRAND', libelle: 'Au plus 100 NIR par appel' });
  });

  it.each([
    ['unreadable JSON', '{', 'Corps JSON illisible'],
    ['the CAF field name', { liste_nir: ['286041220200135'] }, 'Champ invalide : nirs_beneficiaires'],
    ['an empty list', { nirs_beneficiaires: [] }, 'Champ invalide : nirs_beneficiaires'],
    ['a malformed NIR', { nirs_beneficiaires: ['286041220200135', '2860412'] }, 'Champ invalide : nirs_beneficiaires.1'],
  ])('answers 400 to a batch with %s', async (_case, body, libelle) => {
    await expectLegacyError(await lot(body), 400, { code_erreur: 'REQUETE_INVALIDE', libelle });
  });

  it("returns the single RSA recipient's whole file in its legacy format", async () => {
    const nir = nirOf('rsa-isolee');
    const mds = 'Département – Maison des solidarités de Rodez';
    // Seeded actions are carried by the active référent's structure.
    const porteurMds = { structure_porteuse: mds, partenaire_porteur: 'departement' };
    expect(await (await lot({ nirs_beneficiaires: [nir] })).json()).toEqual({
      beneficiaires: [
        {
          nir,
          dossier_rsa: {
            cd_organisme_payeur: 'CAF',
            no_dossier: '0412345',
            etat_dossier: '2',
            top_droits_devoirs: 'O',
            dt_flux: '20261101',
            orientation: { cd_type: 'SOCPRO', lib_organisme: mds, dt_orientation: '20240304' },
          },
          parcours: [{ id_parcours: 'PAR-000001', cd_motif: 'RSA', dt_ouverture: '20240304', ouvert_par: 'CD12', dt_cloture: null, cd_issue: null }],
          referents: [
            { id_referent: 'ref-002', nom: 'Laurent Bras', structure: mds, partenaire_passerelle: 'departement', dt_debut: '20240304', dt_fin: '20250131' },
            { id_referent: 'ref-001', nom: 'Nadia Cayla', structure: mds, partenaire_passerelle: 'departement', dt_debut: '20250201', dt_fin: null },
          ],
          equipe: [],
          objectifs: [
            {
              id_objectif: 'OBJ-000001',
              cd_theme: 'MOBILITE',
              intitule: 'Obtenir le permis de conduire',
              cd_statut: 'ENC',
              dt_creation: '20250210',
              actions: [
                { id_action: 'ACT-000001', intitule: "Inscription à l'auto-école sociale de Rodez", cd_statut: 'REAL', dt_echeance: '20250331', ...porteurMds },
                { id_action: 'ACT-000002', intitule: "Financement du code par l'aide départementale à la mobilité", cd_statut: 'ENCO', dt_echeance: '20261215', ...porteurMds },
                { id_action: 'ACT-000003', intitule: "Passage de l'examen du code", cd_statut: 'PREV', dt_echeance: '20270228', ...porteurMds },
              ],
            },
            {
              id_objectif: 'OBJ-000002',
              cd_theme: 'LOGEMENT',
              intitule: 'Résorber la dette locative auprès de Rodez Agglo Habitat',
              cd_statut: 'ENC',
              dt_creation: '20250210',
              actions: [
                { id_action: 'ACT-000004', intitule: 'Saisine du fonds de solidarité logement (FSL)', cd_statut: 'ATTE', dt_echeance: '20261130', ...porteurMds },
                { id_action: 'ACT-000005', intitule: "Reprise du plan d'apurement de 40 € par mois", cd_statut: 'ABAN', dt_echeance: '20260630', ...porteurMds },
                { id_action: 'ACT-000006', intitule: 'Rencontre avec la conseillère sociale du bailleur', cd_statut: 'ANNU', dt_echeance: '20260612', ...porteurMds },
              ],
            },
          ],
          notes: [
            {
              id_note: 'NOT-000001',
              auteur: 'Nadia Cayla',
              dt_note: '20261014',
              cd_audience: 'EQU',
              texte: 'Point mensuel : code de la route commencé, dossier FSL déposé, en attente de la commission.',
            },
            { id_note: 'NOT-000002', auteur: 'Nadia Cayla', dt_note: '20261014', cd_audience: 'USA', texte: 'Prochaines étapes convenues : examen du code, réponse du FSL.' },
          ],
          rendez_vous: [
            {
              id_rdv: 'RDV-000001',
              dt_rdv: '20260612',
              hr_rdv: '1000',
              lieu: 'Rodez Agglo Habitat',
              objet: 'Rencontre avec la conseillère sociale du bailleur',
              avec: 'Nadia Cayla',
              cd_statut: 'ANN',
              id_rdv_report: null,
            },
            {
              id_rdv: 'RDV-000002',
              dt_rdv: '20261118',
              hr_rdv: '1430',
              lieu: 'Maison des solidarités de Rodez',
              objet: "Point d'étape du contrat d'engagement",
              avec: 'Nadia Cayla',
              cd_statut: 'PLA',
              id_rdv_report: null,
            },
          ],
          contrat: { dt_debut: '20260301', dt_fin: '20270228', objectifs: ['OBJ-000001', 'OBJ-000002'] },
          oppositions: [],
        },
      ],
      nb_inconnus: 0,
    });
  });

  it('serves the farmer paid by MSA and the objections of homonyme-rodez, and leaves out people without RSA', async () => {
    const absent = [nirOf('couple-parent-1'), nirOf('registre-seul'), nirOf('demandeur-emploi'), '299999999999905'];
    const body = (await (await lot({ nirs_beneficiaires: [...absent, nirOf('exploitant-agricole'), nirOf('homonyme-rodez'), nirOf('homonyme-rodez')] })).json()) as LotAnswer;
    expect(body.nb_inconnus).toBe(absent.length);
    const byNir = new Map(body.beneficiaires.map((b) => [b.nir, b]));
    expect(byNir.get(nirOf('exploitant-agricole'))).toMatchObject({
      dossier_rsa: {
        cd_organisme_payeur: 'MSA',
        no_dossier: 'MSA0012345',
        etat_dossier: '2',
        top_droits_devoirs: 'O',
        orientation: { cd_type: 'SOCPRO', lib_organisme: 'MSA Midi-Pyrénées Nord – Aveyron', dt_orientation: '20250512' },
      },
      referents: [{ id_referent: 'ref-015', nom: 'Isabelle Rigal', structure: 'MSA Midi-Pyrénées Nord – Aveyron', dt_debut: '20250512', dt_fin: null }],
    });
    expect(byNir.get(nirOf('homonyme-rodez'))?.oppositions).toEqual([
      { cd_partenaire: 'CPAM', dt_opposition: '20251010', recueillie_par: 'Olivier Costes', dt_levee: '20251024' },
      { cd_partenaire: 'BAILLEURS', dt_opposition: '20251103', recueillie_par: 'Olivier Costes', dt_levee: null },
    ]);
  });

  it('holds one file per adult of every RSA household, with an open RSA parcours and exactly one active référent for those owed one and neither for the others', () => {
    const store = createDepartementStore(population);
    const fichiers = fichiersRsa(population);
    expect(fichiers.length).toBeGreaterThan(60);
    expect(fichiers.some((f) => !soumisEtOuvert(f.droit))).toBe(true);
    for (const f of fichiers) {
      const b = store.beneficiaire(f.personne.nir);
      const actifs = b?.referents.filter((r) => r.dt_fin === null) ?? [];
      const ouverts = b?.parcours.filter((p) => p.dt_cloture === null).map((p) => p.cd_motif);
      expect([f.personne.ref, actifs.length, b?.dossier_rsa?.orientation === null, ouverts]).toEqual([
        f.personne.ref,
        soumisEtOuvert(f.droit) ? 1 : 0,
        !soumisEtOuvert(f.droit),
        soumisEtOuvert(f.droit) ? ['RSA'] : [],
      ]);
    }
    expect([...store.beneficiaires()].filter((b) => b.dossier_rsa !== null).length).toBe(new Set(fichiers.map((f) => f.personne.nir)).size);
  });

  it("pages through ref-001's caseload of 52, the personas among them, oldest assignment first", async () => {
    const first = (await (await portefeuille('ref-001', '?debut=0&nombre=50')).json()) as PageAnswer;
    const rest = (await (await portefeuille('ref-001', '?debut=50&nombre=50')).json()) as PageAnswer;
    expect([first.total, first.beneficiaires.length, rest.beneficiaires.length, rest.debut]).toEqual([52, 50, 2, 50]);
    const nirs = [...first.beneficiaires, ...rest.beneficiaires].map((b) => b.nir);
    expect(new Set(nirs).size).toBe(52);
    expect(nirs).toEqual(expect.arrayContaining([nirOf('rsa-isolee'), nirOf('sans-domicile')]));
    const actifs = [...first.beneficiaires, ...rest.beneficiaires].map((b) => b.referents.find((r) => r.dt_fin === null));
    expect(actifs.map((r) => r?.id_referent)).toEqual(Array(52).fill('ref-001'));
    const depuis = actifs.map((r) => r?.dt_debut ?? '');
    expect(depuis).toEqual([...depuis].sort());
  });

  it('filters a caseload by orientation and by RSA state', async () => {
    const all = ((await (await portefeuille('ref-001', '?nombre=100')).json()) as PageAnswer).beneficiaires;
    const social = (await (await portefeuille('ref-001', '?nombre=100&cd_orientation=SOC')).json()) as PageAnswer;
    expect(social.total).toBe(all.filter((b) => b.dossier_rsa?.orientation?.cd_type === 'SOC').length);
    expect(social.total).toBeGreaterThan(10);
    expect(social.total).toBeLessThan(52);
    const suspendus = (await (await portefeuille('ref-001', '?nombre=100&etat_dossier=3')).json()) as PageAnswer;
    expect(suspendus.beneficiaires.map((b) => b.nir)).toEqual(all.filter((b) => b.dossier_rsa?.etat_dossier === '3').map((b) => b.nir));
  });

  it.each([
    ['a page of 101', '?nombre=101', 400, { code_erreur: 'TAILLE_PAGE', libelle: 'Au plus 100 bénéficiaires par page' }],
    ['an unknown orientation code', '?cd_orientation=SOCIAL', 400, { code_erreur: 'REQUETE_INVALIDE', libelle: 'Paramètre invalide : cd_orientation' }],
    ['a negative rank', '?debut=-1', 400, { code_erreur: 'REQUETE_INVALIDE', libelle: 'Paramètre invalide : debut' }],
  ])('refuses a caseload query with %s', async (_case, query, status, body) => {
    await expectLegacyError(await portefeuille('ref-001', query), status, body);
  });

  it('answers 404 for an unknown référent, and an empty page for one without usagers in the filter', async () => {
    await expectLegacyError(await portefeuille('ref-999'), 404, { code_erreur: 'REFERENT_INCONNU', libelle: 'Référent inconnu' });
    expect(await (await portefeuille('ref-016', '?cd_orientation=SOC')).json()).toEqual({ id_referent: 'ref-016', total: 0, debut: 0, nombre: 20, beneficiaires: [] });
  });

  it('creates an objective, adds an action and moves it through its states, answering the whole file each time', async () => {
    const nir = nirOf('sans-domicile');
    const created = (await (await commande('creation-objectif', { nir, cd_theme: 'NUMERIQUE', intitule: '  Créer son espace France Travail  ' })).json()) as {
      id_objet: string;
      beneficiaire: BeneficiaireDepartement;
    };
    expect(created.id_objet).toMatch(/^OBJ-\d{6}$/);
    expect(created.beneficiaire.objectifs.at(-1)).toEqual({
      id_objectif: created.id_objet,
      cd_theme: 'NUMERIQUE',
      intitule: 'Créer son espace France Travail',
      cd_statut: 'ENC',
      dt_creation: '20261101',
      actions: [],
    });
    const added = (await (await commande('ajout-action', { nir, id_objectif: created.id_objet, intitule: 'Atelier numérique au CCAS' })).json()) as { id_objet: string };
    for (const cd_statut of ['ENCO', 'ATTE', 'REAL']) expect((await commande('statut-action', { nir, id_action: added.id_objet, cd_statut })).status).toBe(200);
    const file = await fileOf(nir);
    expect(file?.objectifs.at(-1)?.actions).toEqual([
      { id_action: added.id_objet, intitule: 'Atelier numérique au CCAS', cd_statut: 'REAL', dt_echeance: null, structure_porteuse: "Département de l'Aveyron", partenaire_porteur: 'departement' },
    ]);
    await expectLegacyError(await commande('statut-action', { nir, id_action: added.id_objet, cd_statut: 'REAL' }), 409, {
      code_erreur: 'TRANSITION_INTERDITE',
      libelle: 'Changement de statut non autorisé',
    });
  });

  it('refuses a second active référent, then changes it: the old one ends today, the new one starts today', async () => {
    const nir = nirOf('homonyme-rodez');
    await expectLegacyError(await commande('designation-referent', { nir, id_referent: 'ref-008' }), 409, {
      code_erreur: 'REFERENT_DEJA_ACTIF',
      libelle: 'Un référent est déjà actif : utiliser le changement de référent',
    });
    await expectLegacyError(await commande('changement-referent', { nir, id_referent: 'ref-007' }), 409, { code_erreur: 'MEME_REFERENT', libelle: 'Ce référent est déjà le référent actif' });
    await expectLegacyError(await commande('changement-referent', { nir, id_referent: 'ref-999' }), 404, { code_erreur: 'REFERENT_INCONNU', libelle: 'Référent inconnu' });
    expect((await commande('changement-referent', { nir, id_referent: 'ref-008' })).status).toBe(200);
    expect((await fileOf(nir))?.referents).toEqual([
      { id_referent: 'ref-007', nom: 'Olivier Costes', structure: 'France Travail Rodez', partenaire_passerelle: 'france-travail', dt_debut: '20251006', dt_fin: '20261101' },
      { id_referent: 'ref-008', nom: 'Camille Bouldoires', structure: 'France Travail Rodez', partenaire_passerelle: 'france-travail', dt_debut: '20261101', dt_fin: null },
    ]);
  });

  it('is atomic: a contract naming one unknown objective changes nothing, not even the id sequence', async () => {
    const nir = nirOf('rsa-isolee');
    const before = await fileOf(nir);
    await expectLegacyError(await commande('contrat-engagement', { nir, dt_debut: '20270301', dt_fin: '20280229', objectifs: ['OBJ-000001', 'OBJ-999999'] }), 404, {
      code_erreur: 'OBJECTIF_INCONNU',
      libelle: 'Objectif inconnu pour ce bénéficiaire',
    });
    expect(await fileOf(nir)).toEqual(before);
    const store = createDepartementStore(population);
    const refused = store.executer('ajout-action', { nir, id_objectif: 'OBJ-000404', intitule: 'x', dt_echeance: null, id_referent_porteur: null }, null);
    const created = store.executer('creation-objectif', { nir, cd_theme: 'EMPLOI', intitule: 'y' }, null);
    expect([refused.status, created.status]).toEqual([404, 200]);
    const fresh = createDepartementStore(population).executer('creation-objectif', { nir, cd_theme: 'EMPLOI', intitule: 'y' }, null);
    expect((created.body as { id_objet: string }).id_objet).toBe((fresh.body as { id_objet: string }).id_objet);
  });

  it('replays the first answer for the same key and body, without writing again, and refuses the key for another body', async () => {
    const nir = nirOf('exploitant-agricole');
    const body = { nir, auteur: 'Isabelle Rigal', cd_audience: 'EQU', texte: 'Visite sur l’exploitation le 28 octobre.' };
    const first = await commande('ajout-note', body, 'note-bousquet-1');
    const again = await commande('ajout-note', { texte: body.texte, cd_audience: 'EQU', auteur: 'Isabelle Rigal', nir }, 'note-bousquet-1');
    expect([first.status, first.headers.get('X-Rejeu'), again.status, again.headers.get('X-Rejeu')]).toEqual([200, null, 200, 'O']);
    expect(await again.json()).toEqual(await first.json());
    expect((await fileOf(nir))?.notes).toHaveLength(1);
    await expectLegacyError(await commande('ajout-note', { ...body, texte: 'Autre texte' }, 'note-bousquet-1'), 409, {
      code_erreur: 'CLE_IDEMPOTENCE_REUTILISEE',
      libelle: "Clé d'idempotence déjà utilisée pour une autre commande",
    });
    await expectLegacyError(await commande('opposition', { nir, cd_partenaire: 'CAF', recueillie_par: 'Isabelle Rigal' }, 'note-bousquet-1'), 409, {
      code_erreur: 'CLE_IDEMPOTENCE_REUTILISEE',
      libelle: "Clé d'idempotence déjà utilisée pour une autre commande",
    });
    expect((await fileOf(nir))?.notes).toHaveLength(1);
  });

  it('replays a refusal under its key, and does not keep a malformed request', async () => {
    const nir = nirOf('exploitant-agricole');
    const refusal = { code_erreur: 'AUCUNE_OPPOSITION_ACTIVE', libelle: 'Aucune opposition active pour ce partenaire' };
    await expectLegacyError(await commande('levee-opposition', { nir, cd_partenaire: 'SIAO' }, 'levee-siao'), 409, refusal);
    const replay = await commande('levee-opposition', { nir, cd_partenaire: 'SIAO' }, 'levee-siao');
    expect(replay.headers.get('X-Rejeu')).toBe('O');
    await expectLegacyError(replay, 409, refusal);
    await expectLegacyError(await commande('opposition', { nir, cd_partenaire: 'SIAO' }, 'opposition-siao'), 400, { code_erreur: 'REQUETE_INVALIDE', libelle: 'Champ invalide : recueillie_par' });
    expect((await commande('opposition', { nir, cd_partenaire: 'SIAO', recueillie_par: 'Isabelle Rigal' }, 'opposition-siao')).status).toBe(200);
  });

  it.each([
    ['an unknown NIR', 'ajout-note', { nir: '299999999999905', auteur: 'a', cd_audience: 'EQU', texte: 't' }, undefined, 404, 'BENEFICIAIRE_INCONNU', 'Aucun dossier pour ce NIR'],
    ['an unknown command', 'suppression-dossier', { nir: '299999999999905' }, undefined, 404, 'COMMANDE_INCONNUE', 'Commande inconnue'],
    ['a malformed key', 'ajout-note', { nir: '299999999999905' }, 'clé avec espaces', 400, 'CLE_IDEMPOTENCE_INVALIDE', "Clé d'idempotence invalide (1 à 64 lettres, chiffres, - ou _)"],
    [
      'a contract ending before it starts',
      'contrat-engagement',
      { nir: '299999999999905', dt_debut: '20270101', dt_fin: '20261231', objectifs: ['OBJ-000001'] },
      undefined,
      400,
      'REQUETE_INVALIDE',
      'Champ invalide : dt_fin',
    ],
    ['an edit that changes nothing', 'modification-objectif', { nir: '299999999999905', id_objectif: 'OBJ-000001' }, undefined, 400, 'REQUETE_INVALIDE', 'Champ invalide : intitule'],
    ['an empty note', 'ajout-note', { nir: '299999999999905', auteur: 'a', cd_audience: 'EQU', texte: '   ' }, undefined, 400, 'REQUETE_INVALIDE', 'Champ invalide : texte'],
  ])('refuses a command with %s', async (_case, name, body, cle, status, code_erreur, libelle) => {
    await expectLegacyError(await commande(name, body, cle), status, { code_erreur, libelle });
  });

  it.each([
    ['rsa-isolee', 'annulation-rdv', { id_rdv: 'RDV-000001' }, 'TRANSITION_INTERDITE', 'Rendez-vous déjà annulé, honoré, manqué ou reporté'],
    ['rsa-isolee', 'annulation-rdv', { id_rdv: 'RDV-424242' }, 'RDV_INCONNU', 'Rendez-vous inconnu pour ce bénéficiaire'],
    ['sans-domicile', 'statut-action', { id_action: 'ACT-000001', cd_statut: 'REAL' }, 'ACTION_INCONNUE', 'Action inconnue pour ce bénéficiaire'],
    ['rsa-isolee', 'statut-action', { id_action: 'ACT-000005', cd_statut: 'ENCO' }, 'TRANSITION_INTERDITE', 'Changement de statut non autorisé'],
    ['homonyme-rodez', 'opposition', { cd_partenaire: 'BAILLEURS', recueillie_par: 'Olivier Costes' }, 'OPPOSITION_DEJA_ACTIVE', 'Une opposition est déjà active pour ce partenaire'],
    ['homonyme-rodez', 'levee-opposition', { cd_partenaire: 'CPAM' }, 'AUCUNE_OPPOSITION_ACTIVE', 'Aucune opposition active pour ce partenaire'],
    ['rsa-isolee', 'orientation', { cd_type: 'SOCPRO', lib_organisme: 'Département – Maison des solidarités de Rodez' }, 'ORIENTATION_INCHANGEE', "Orientation identique à l'orientation en cours"],
  ] as const)('refuses for %s the command %s %j', async (key, name, extra, code_erreur, libelle) => {
    const before = await fileOf(nirOf(key));
    const response = await commande(name, { nir: nirOf(key), ...extra });
    await expectLegacyError(response, code_erreur.endsWith('INCONNU') || code_erreur.endsWith('INCONNUE') ? 404 : 409, { code_erreur, libelle });
    expect(await fileOf(nirOf(key))).toEqual(before);
  });

  it('closes an objective for good: no edit, no action after it is reached', () => {
    const store = createDepartementStore(population);
    const nir = nirOf('sans-domicile');
    expect(store.executer('modification-objectif', { nir, id_objectif: 'OBJ-000003', cd_statut: 'ATT' }, null).status).toBe(200);
    expect(store.executer('modification-objectif', { nir, id_objectif: 'OBJ-000003', intitule: 'Autre' }, null).body).toEqual({
      code_erreur: 'OBJECTIF_CLOS',
      libelle: 'Objectif clos : il ne peut plus être modifié',
    });
    expect(store.executer('ajout-action', { nir, id_objectif: 'OBJ-000003', intitule: 'x', dt_echeance: null, id_referent_porteur: null }, null).body).toEqual({
      code_erreur: 'OBJECTIF_CLOS',
      libelle: 'Objectif clos : aucune action ne peut y être ajoutée',
    });
  });

  it('keeps each instance’s state its own', () => {
    const [a, b] = [createDepartementStore(population), createDepartementStore(population)];
    const nir = nirOf('rsa-isolee');
    expect(a.executer('annulation-rdv', { nir, id_rdv: 'RDV-000002' }, null).status).toBe(200);
    expect(b.beneficiaire(nir)?.rendez_vous.map((r) => r.cd_statut)).toEqual(['ANN', 'PLA']);
    expect(a.beneficiaire(nir)?.rendez_vous.map((r) => r.cd_statut)).toEqual(['ANN', 'ANN']);
  });

  it('allows exactly the documented action moves', () => {
    expect(transitionsAction).toEqual({
      PREV: ['ENCO', 'ATTE', 'REAL', 'ANNU'],
      ENCO: ['ATTE', 'REAL', 'ABAN'],
      ATTE: ['ENCO', 'REAL', 'ABAN', 'ANNU'],
      REAL: [],
      ABAN: [],
      ANNU: [],
    });
  });
});
