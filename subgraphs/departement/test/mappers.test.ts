import { beneficiaireSchema, type Beneficiaire } from '../src/legacy/types';
import { refusalToGraphQL } from '../src/legacy/refusalToGraphQL';
import { codeOf, partenaire, statutAction, theme, typeOrientation } from '../src/resolvers/codesDepartement';
import { toContrat, toRendezVous } from '../src/resolvers/DossierPartage';
import { toDossierRsa } from '../src/resolvers/DossierRsaDepartement';
import { historiqueReferents, referentActif } from '../src/resolvers/ReferentDeParcours';
import { computeSynthese } from '../src/resolvers/Synthese';

function beneficiaire(overrides: Partial<Beneficiaire> = {}, rsa: Partial<NonNullable<Beneficiaire['dossier_rsa']>> = {}): Beneficiaire {
  return {
    nir: '286041220200135',
    dossier_rsa: { cd_organisme_payeur: 'CAF', no_dossier: '0000042', etat_dossier: '2', top_droits_devoirs: 'O', dt_flux: '20261101', orientation: null, ...rsa },
    parcours: [],
    referents: [],
    equipe: [],
    objectifs: [],
    notes: [],
    rendez_vous: [],
    contrat: null,
    oppositions: [],
    ...overrides,
  };
}
const ref = (id: string, dt_debut: string, dt_fin: string | null) => ({ id_referent: id, nom: `Nom ${id}`, structure: 'CCAS de Rodez', partenaire_passerelle: null, dt_debut, dt_fin });

describe('Département → graph mappers', () => {
  it.each([
    ['0', 'EN_ATTENTE'],
    ['1', 'REFUSE'],
    ['2', 'OUVERT_VERSE'],
    ['3', 'OUVERT_SUSPENDU'],
    ['4', 'OUVERT_VERSEMENT_SUSPENDU'],
    ['5', 'CLOS'],
    ['6', 'CLOS_MOIS_ANTERIEUR'],
  ] as const)('maps etat_dossier %s to %s', (code, etat) => {
    expect(toDossierRsa(beneficiaire({}, { etat_dossier: code }))).toMatchObject({ etat, codeEtat: Number(code) });
  });

  it('maps an MSA file not subject to rights and duties, oriented professionally', () => {
    expect(
      toDossierRsa(
        beneficiaire({}, { cd_organisme_payeur: 'MSA', top_droits_devoirs: 'N', orientation: { cd_type: 'PRO', lib_organisme: "Chambre d'agriculture de l'Aveyron", dt_orientation: '20250512' } }),
      ),
    ).toEqual({
      etat: 'OUVERT_VERSE',
      codeEtat: 2,
      payeur: 'MSA',
      soumisDroitsEtDevoirs: false,
      dateFlux: '2026-11-01',
      orientation: { type: 'PROFESSIONNEL', organisme: "Chambre d'agriculture de l'Aveyron", date: '2025-05-12' },
    });
  });

  it('finds the active référent and lists the history most recent first', () => {
    const b = beneficiaire({ referents: [ref('ref-002', '20240304', '20250131'), ref('ref-001', '20250201', null)] });
    expect(referentActif(b)).toEqual({ referent: { id: 'ref-001', nom: 'Nom ref-001', structure: 'CCAS de Rodez', partenaire: null }, depuis: '2025-02-01', jusqua: null });
    expect(historiqueReferents(b).map((r) => [r.referent.id, r.jusqua])).toEqual([
      ['ref-001', null],
      ['ref-002', '2025-01-31'],
    ]);
    expect(referentActif(beneficiaire({ referents: [ref('ref-002', '20240304', '20250131')] }))).toBeNull();
  });

  it('formats appointment times and resolves a contract’s objectives, leaving out an id the file lacks', () => {
    expect(toRendezVous({ id_rdv: 'RDV-1', dt_rdv: '20261118', hr_rdv: '0905', lieu: 'l', objet: 'o', avec: 'a', cd_statut: 'ANN', id_rdv_report: null })).toMatchObject({
      date: '2026-11-18',
      heure: '09:05',
      statut: 'ANNULE',
    });
    const objectif = { id_objectif: 'OBJ-1', cd_theme: 'LANGUE' as const, intitule: 'i', cd_statut: 'ENC' as const, dt_creation: '20260101', actions: [] };
    expect(toContrat(beneficiaire({ objectifs: [objectif], contrat: { dt_debut: '20260101', dt_fin: '20261231', objectifs: ['OBJ-1', 'OBJ-9'] } }))).toEqual({
      dateDebut: '2026-01-01',
      dateFin: '2026-12-31',
      objectifs: [{ id: 'OBJ-1', theme: 'MAITRISE_DE_LA_LANGUE', intitule: 'i', statut: 'EN_COURS', dateCreation: '2026-01-01', actions: [] }],
    });
  });

  it('maps every legacy code both ways', () => {
    expect(Object.values(theme)).toHaveLength(10);
    for (const map of [typeOrientation, theme, statutAction, partenaire] as Array<Record<string, string>>) {
      for (const [code, value] of Object.entries(map)) expect(codeOf(map, value)).toBe(code);
    }
    expect(partenaire.FT).toBe('FRANCE_TRAVAIL');
    expect(partenaire.CD).toBe('DEPARTEMENT');
  });

  it.each([
    [
      'an undocumented action state',
      {
        objectifs: [
          { id_objectif: 'O', cd_theme: 'EMPLOI', intitule: 'i', cd_statut: 'ENC', dt_creation: '20260101', actions: [{ id_action: 'A', intitule: 'i', cd_statut: 'FINI', dt_echeance: null }] },
        ],
      },
    ],
    ['a time with a colon', { rendez_vous: [{ id_rdv: 'R', dt_rdv: '20261118', hr_rdv: '14:30', lieu: 'l', objet: 'o', avec: 'a', cd_statut: 'PLA' }] }],
    ['a partial date', { notes: [{ id_note: 'N', auteur: 'a', dt_note: '20261100', cd_audience: 'EQU', texte: 't' }] }],
  ])('rejects a file with %s', (_case, overrides) => {
    expect(beneficiaireSchema.safeParse({ ...beneficiaire(), ...overrides }).success).toBe(false);
  });
});

describe('refusalToGraphQL', () => {
  it.each([
    ['BENEFICIAIRE_INCONNU', undefined, { code: 'USAGER_INCONNU', partenaire: 'departement', argument: 'usagerId', retryable: false }],
    ['OBJECTIF_INCONNU', 'objectifIds', { code: 'OBJET_INTROUVABLE', partenaire: 'departement', argument: 'objectifIds', retryable: false }],
    ['REFERENT_DEJA_ACTIF', undefined, { code: 'REFERENT_DEJA_ACTIF', partenaire: 'departement', retryable: false }],
    ['OBJECTIF_CLOS', undefined, { code: 'TRANSITION_INVALIDE', partenaire: 'departement', retryable: false }],
    ['CLE_IDEMPOTENCE_REUTILISEE', undefined, { code: 'CONFLIT_IDEMPOTENCE', partenaire: 'departement', argument: 'cleIdempotence', retryable: false }],
    ['QUELQUE_CHOSE', undefined, { code: 'PARTENAIRE_REPONSE_INVALIDE', partenaire: 'departement', retryable: false }],
  ])('maps %s to its code', (code, argument, extensions) => {
    expect(refusalToGraphQL(code, argument).extensions).toEqual(extensions);
  });
});

describe('computeSynthese', () => {
  const none = { caf: null, cpam: null, logementSocial: null };

  it('raises SANS_REFERENT for a beneficiary subject to rights and duties without an active référent, and RSA_SUSPENDU for state 3', () => {
    expect(computeSynthese(beneficiaire({ referents: [ref('ref-002', '20240304', '20250131')] }, { etat_dossier: '3' }), none)).toEqual({
      droitsOuverts: [{ droit: 'RSA', partenaire: 'CAF', montantMensuel: null, dateFin: null }],
      alertes: [
        { type: 'RSA_SUSPENDU', partenaire: 'CAF', message: 'RSA suspendu (état 3).' },
        { type: 'SANS_REFERENT', partenaire: 'DEPARTEMENT', message: 'Soumis aux droits et devoirs sans référent de parcours actif.' },
      ],
    });
  });

  it('shows no RSA for a closed file or without a Département file, and the C2S with participation', () => {
    expect(computeSynthese(beneficiaire({}, { etat_dossier: '5' }), none)).toEqual({ droitsOuverts: [], alertes: [] });
    expect(
      computeSynthese(null, {
        caf: {
          droits: [
            { prestation: 'AAH', montantMensuel: 1033.32 },
            { prestation: 'ALLOCATIONS_FAMILIALES', montantMensuel: 151.05 },
          ],
        },
        cpam: { c2s: { statut: 'AVEC_PARTICIPATION', dateFin: '2027-01-01' } },
      }),
    ).toEqual({
      droitsOuverts: [
        { droit: 'AAH', partenaire: 'CAF', montantMensuel: 1033.32, dateFin: null },
        { droit: 'C2S_AVEC_PARTICIPATION', partenaire: 'CPAM', montantMensuel: null, dateFin: '2027-01-01' },
      ],
      alertes: [],
    });
  });

  it('takes the RSA amount from MSA when MSA pays it, with MSA family rights and C2S', () => {
    const msa = {
      prestationsFamiliales: {
        droits: [
          { prestation: 'RSA', montantMensuel: 428.38 },
          { prestation: 'ALLOCATIONS_FAMILIALES', montantMensuel: 151.05 },
          { prestation: 'PRIME_ACTIVITE', montantMensuel: 80 },
        ],
      },
      couvertureSante: { c2s: { statut: 'AVEC_PARTICIPATION' as const, dateFin: '2027-05-01' } },
    };
    const file = beneficiaire({ referents: [ref('ref-015', '20250512', null)] }, { cd_organisme_payeur: 'MSA' });
    expect(computeSynthese(file, { msa, caf: null }).droitsOuverts).toEqual([
      { droit: 'RSA', partenaire: 'MSA', montantMensuel: 428.38, dateFin: null },
      { droit: 'PRIME_ACTIVITE', partenaire: 'MSA', montantMensuel: 80, dateFin: null },
      { droit: 'C2S_AVEC_PARTICIPATION', partenaire: 'MSA', montantMensuel: null, dateFin: '2027-05-01' },
    ]);
  });

  it('shows ARE or ASS as 30 days of the daily amount with the end of rights, and the ASPA', () => {
    const franceTravail = { indemnisation: { allocation: 'ARE' as const, montantJournalier: 48.3, dateFinDroits: '2027-12-21' } };
    expect(computeSynthese(null, { franceTravail, carsat: { aspa: { montantMensuel: 422.28 } } }).droitsOuverts).toEqual([
      { droit: 'ARE', partenaire: 'FRANCE_TRAVAIL', montantMensuel: 1449, dateFin: '2027-12-21' },
      { droit: 'ASPA', partenaire: 'CARSAT', montantMensuel: 422.28, dateFin: null },
    ]);
    expect(computeSynthese(null, { franceTravail: { indemnisation: null }, carsat: { aspa: null } }).droitsOuverts).toEqual([]);
  });

  it('raises an alert for an open SIAO request, none for a closed one', () => {
    const demande = (statut: 'EN_ATTENTE' | 'CLOTUREE') => ({ demandeEnCours: { reference: 'SIAO-12-00042', type: 'URGENCE' as const, statut } });
    expect(computeSynthese(null, { hebergement: demande('EN_ATTENTE') }).alertes).toEqual([
      { type: 'DEMANDE_HEBERGEMENT', partenaire: 'SIAO', message: "Demande d'hébergement d'urgence au SIAO SIAO-12-00042 : en attente de place." },
    ]);
    expect(computeSynthese(null, { hebergement: demande('CLOTUREE') }).alertes).toEqual([]);
    expect(computeSynthese(null, { hebergement: null }).alertes).toEqual([]);
  });

  it('raises one unpaid-rent alert per lease in arrears, and none for a kept plan', () => {
    const logementSocial = {
      bailleurs: [
        null,
        {
          bailleur: { code: 'AH', nom: 'Aveyron Habitat' },
          baux: [
            { moisImpayes: 4, solde: 520, planApurement: { respecte: true } },
            { moisImpayes: 0, solde: 0, planApurement: null },
          ],
        },
      ],
    };
    expect(computeSynthese(null, { logementSocial }).alertes).toEqual([{ type: 'IMPAYE_LOYER', partenaire: 'BAILLEURS', message: '4 mois de loyer impayés chez Aveyron Habitat (solde 520,00 €).' }]);
  });

  it('shows the Région’s trainee pay while paid or suspended, and alerts on its suspension and on an abandoned latest training', () => {
    const action = { intitule: 'Projet Pro — métiers du service', dispositif: 'PROJET_PRO' as const };
    const paid = { formations: [{ statut: 'EN_COURS' as const, dateSortie: null, action }], remunerationEnCours: { montantMensuel: 685, etat: 'EN_PAIEMENT' as const } };
    expect(computeSynthese(null, { formationProfessionnelle: paid })).toEqual({
      droitsOuverts: [{ droit: 'REMUNERATION_FORMATION', partenaire: 'REGION', montantMensuel: 685, dateFin: null }],
      alertes: [],
    });
    const examined = { ...paid, remunerationEnCours: { montantMensuel: 500, etat: 'EN_INSTRUCTION' as const } };
    expect(computeSynthese(null, { formationProfessionnelle: examined })).toEqual({ droitsOuverts: [], alertes: [] });
    const suspended = {
      formations: [
        { statut: 'ABANDON' as const, dateSortie: '2026-10-15', action },
        { statut: 'TERMINE' as const, dateSortie: '2025-06-30', action },
      ],
      remunerationEnCours: { montantMensuel: 685, etat: 'SUSPENDUE' as const },
    };
    expect(computeSynthese(null, { formationProfessionnelle: suspended }).alertes).toEqual([
      { type: 'REMUNERATION_SUSPENDUE', partenaire: 'REGION', message: 'Rémunération de stagiaire de la Région suspendue.' },
      { type: 'FORMATION_ABANDONNEE', partenaire: 'REGION', message: 'Formation abandonnée le 2026-10-15 : Projet Pro — métiers du service.' },
    ]);
  });

  it('alerts on a farmer in difficulty and on an active business at the chambers, ignoring a struck-off one and a chamber that failed', () => {
    const chambresConsulaires = {
      chambres: [
        null,
        {
          chambre: { code: 'CMA' as const },
          entreprises: [
            { forme: 'MICRO_ENTREPRENEUR' as const, etat: 'ACTIVE' as const },
            { forme: 'SOCIETE' as const, etat: 'RADIEE' as const },
          ],
          exploitantEnDifficulte: null,
        },
        { chambre: { code: 'CHAMBRE_AGRICULTURE' as const }, entreprises: [], exploitantEnDifficulte: { etat: 'PLAN_RESTRUCTURATION', enCours: true, dispositif: 'AREA' as const } },
      ],
    };
    expect(computeSynthese(null, { chambresConsulaires }).alertes).toEqual([
      {
        type: 'ACTIVITE_INDEPENDANTE',
        partenaire: 'CHAMBRES_CONSULAIRES',
        message: 'Activité indépendante active (micro-entreprise) immatriculée auprès de la Chambre de métiers et de l’artisanat : revenus à déclarer.',
      },
      {
        type: 'EXPLOITANT_EN_DIFFICULTE',
        partenaire: 'CHAMBRES_CONSULAIRES',
        message: 'Exploitant en difficulté suivi par la Chambre d’agriculture (AREA (aide à la relance de l’exploitation agricole)).',
      },
    ]);
  });
});
