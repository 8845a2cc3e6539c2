import type { PersonaKey } from '@passerelle/mocks';

/**
 * What each persona's file shows at MSA, France Travail, the SIAO and the Département, its
 * one-glance summary and which partners know them (values from mocks/src/population/personas.ts
 * and the partners' simulators, amounts in euros). `null`: that partner does not know the person.
 */
interface ExpectedAgencyFile {
  msa: Record<string, unknown> | null;
  franceTravail: Record<string, unknown> | null;
  hebergement: Record<string, unknown> | null;
  rsa: Record<string, unknown> | null;
  referent: string | null;
  /** Rights as `DROIT PARTENAIRE montant`, in the summary's order; alerts as `TYPE PARTENAIRE`. */
  droitsOuverts: string[];
  alertes: string[];
  /** The partners that know the person, in PresencePartenaires' order. */
  presence: Array<'caf' | 'msa' | 'franceTravail' | 'cpam' | 'carsat' | 'siao' | 'bailleurs' | 'region' | 'chambresConsulaires'>;
}

const generalRegime = ['caf', 'cpam', 'carsat'] as const;

export const expectedAgencyFiles: Record<PersonaKey, ExpectedAgencyFile> = {
  'rsa-isolee': {
    msa: null,
    franceTravail: {
      identifiant: '0411723K',
      inscription: { categorie: 1, dateInscription: '2024-03-11' },
      indemnisation: null,
      paiementsRecents: [],
      diagnostic: { contraintes: ['MOBILITE', 'FINANCIERE'], besoins: ['PERMIS_CONDUIRE'] },
    },
    hebergement: null,
    rsa: { etat: 'OUVERT_VERSE', payeur: 'CAF', soumisDroitsEtDevoirs: true, orientation: { type: 'SOCIO_PROFESSIONNEL', organisme: 'Département – Maison des solidarités de Rodez' } },
    referent: 'ref-001',
    // In a Région Projet Pro since July 2026, paid the rémunération des stagiaires.
    droitsOuverts: ['RSA CAF 568.94', 'AIDE_LOGEMENT CAF 280', 'C2S_SANS_PARTICIPATION CPAM null', 'REMUNERATION_FORMATION REGION 685'],
    alertes: ['IMPAYE_LOYER BAILLEURS', 'PLAN_APUREMENT_NON_RESPECTE BAILLEURS'],
    presence: ['caf', 'franceTravail', 'cpam', 'carsat', 'bailleurs', 'region'],
  },
  'couple-parent-1': {
    msa: null,
    franceTravail: null,
    hebergement: null,
    rsa: null,
    referent: null,
    droitsOuverts: ['AIDE_LOGEMENT CAF 194', 'PRIME_ACTIVITE CAF 118', 'C2S_AVEC_PARTICIPATION CPAM null'],
    alertes: [],
    presence: [...generalRegime, 'bailleurs'],
  },
  'couple-parent-2': {
    msa: null,
    franceTravail: null,
    hebergement: null,
    rsa: null,
    referent: null,
    droitsOuverts: ['AIDE_LOGEMENT CAF 194', 'PRIME_ACTIVITE CAF 118', 'C2S_AVEC_PARTICIPATION CPAM null'],
    alertes: [],
    presence: [...generalRegime, 'bailleurs'],
  },
  'retraite-aspa': {
    msa: null,
    franceTravail: null,
    hebergement: null,
    rsa: null,
    referent: null,
    droitsOuverts: ['AIDE_LOGEMENT CAF 179', 'C2S_SANS_PARTICIPATION CPAM null', 'ASPA CARSAT 422.28'],
    alertes: [],
    presence: [...generalRegime, 'bailleurs'],
  },
  'nom-usage': {
    msa: null,
    franceTravail: null,
    hebergement: null,
    rsa: null,
    referent: null,
    droitsOuverts: ['PRIME_ACTIVITE CAF 163.5', 'AIDE_LOGEMENT CAF 142'],
    alertes: [],
    presence: [...generalRegime, 'bailleurs'],
  },
  'homonyme-rodez': {
    msa: null,
    franceTravail: null,
    hebergement: null,
    rsa: { etat: 'OUVERT_VERSE', payeur: 'CAF', orientation: { type: 'PROFESSIONNEL', organisme: 'France Travail Rodez' } },
    referent: 'ref-007',
    droitsOuverts: ['RSA CAF 346.52', 'C2S_SANS_PARTICIPATION CPAM null'],
    alertes: [],
    // The landlord's match is ambiguous: it does not count as knowing him.
    presence: [...generalRegime],
  },
  'homonyme-millau': {
    msa: null,
    franceTravail: null,
    hebergement: null,
    rsa: null,
    referent: null,
    droitsOuverts: [],
    alertes: [],
    presence: ['cpam', 'carsat'],
  },
  'ne-en-corse': {
    msa: null,
    franceTravail: null,
    hebergement: null,
    rsa: null,
    referent: null,
    droitsOuverts: ['PRIME_ACTIVITE CAF 97'],
    alertes: [],
    presence: [...generalRegime],
  },
  'ne-a-l-etranger': {
    msa: null,
    franceTravail: null,
    hebergement: null,
    rsa: null,
    referent: null,
    droitsOuverts: ['AAH CAF 1033.32', 'AIDE_LOGEMENT CAF 245', 'C2S_SANS_PARTICIPATION CPAM null'],
    alertes: ['IMPAYE_LOYER BAILLEURS'],
    presence: [...generalRegime, 'bailleurs'],
  },
  'exploitant-agricole': {
    msa: {
      numeroAdherent: 'MSA0012345',
      qualite: 'ASSURE',
      prestationsFamiliales: {
        role: 'ALLOCATAIRE',
        quotientFamilial: 460,
        droits: [
          { prestation: 'RSA', montantMensuel: 428.38 },
          { prestation: 'ALLOCATIONS_FAMILIALES', montantMensuel: 151.05 },
        ],
        rsa: { etat: 'OUVERT_VERSE', montantMensuel: 428.38 },
      },
      couvertureSante: { c2s: { statut: 'AVEC_PARTICIPATION', dateFin: '2027-05-01' }, medecinTraitantDeclare: true },
      retraite: null,
    },
    franceTravail: null,
    hebergement: null,
    rsa: { etat: 'OUVERT_VERSE', payeur: 'MSA', orientation: { type: 'SOCIO_PROFESSIONNEL', organisme: 'MSA Midi-Pyrénées Nord – Aveyron' } },
    referent: 'ref-015',
    // Covered by MSA for everything CAF and CPAM give others: the summary takes both from MSA.
    droitsOuverts: ['RSA MSA 428.38', 'C2S_AVEC_PARTICIPATION MSA null'],
    // Followed by the Chambre d'agriculture (AREA restructuring plan); his farm is an active business.
    alertes: ['EXPLOITANT_EN_DIFFICULTE CHAMBRES_CONSULAIRES', 'ACTIVITE_INDEPENDANTE CHAMBRES_CONSULAIRES'],
    presence: ['msa', 'chambresConsulaires'],
  },
  'demandeur-emploi': {
    msa: null,
    franceTravail: {
      identifiant: '0388214B',
      inscription: { categorie: 1, dateInscription: '2026-06-15' },
      indemnisation: { allocation: 'ARE', montantJournalier: 48.3, dateFinDroits: '2027-12-21' },
      paiementsRecents: [
        { date: '2026-11-02', allocation: 'ARE', montant: 1449 },
        { date: '2026-10-02', allocation: 'ARE', montant: 1449 },
        { date: '2026-09-02', allocation: 'ARE', montant: 1449 },
      ],
      conseiller: { agence: 'France Travail Onet-le-Château' },
    },
    hebergement: null,
    rsa: null,
    referent: null,
    // In a Région Qualif Pro, paid by France Travail (AREF): the Région knows him but pays nothing.
    droitsOuverts: ['ARE FRANCE_TRAVAIL 1449'],
    alertes: [],
    presence: ['franceTravail', 'cpam', 'carsat', 'region'],
  },
  'sans-domicile': {
    msa: null,
    franceTravail: { identifiant: '0402951R', indemnisation: null, diagnostic: { contraintes: ['LOGEMENT', 'SANTE', 'FINANCIERE'], besoins: ['ACCOMPAGNEMENT_RENFORCE'] } },
    hebergement: {
      demandeEnCours: { reference: 'SIAO-12-00042', type: 'URGENCE', statut: 'HEBERGEE', orientation: { dispositif: 'CHRS', structure: 'CHRS Rodez Agglomération', date: '2025-03-03' } },
    },
    rsa: { etat: 'OUVERT_VERSE', payeur: 'CAF', orientation: { type: 'SOCIAL' } },
    referent: 'ref-001',
    droitsOuverts: ['RSA CAF 646.52', 'C2S_SANS_PARTICIPATION CPAM null'],
    alertes: ['DEMANDE_HEBERGEMENT SIAO'],
    presence: ['caf', 'franceTravail', 'cpam', 'carsat', 'siao'],
  },
  'registre-seul': {
    msa: null,
    franceTravail: null,
    hebergement: null,
    rsa: null,
    referent: null,
    droitsOuverts: [],
    alertes: [],
    presence: [],
  },
  'micro-entrepreneur': {
    msa: null,
    franceTravail: null,
    hebergement: null,
    rsa: null,
    referent: null,
    droitsOuverts: ['PRIME_ACTIVITE CAF 214.8', 'AIDE_LOGEMENT CAF 198', 'C2S_AVEC_PARTICIPATION CPAM null'],
    alertes: ['ACTIVITE_INDEPENDANTE CHAMBRES_CONSULAIRES'],
    presence: [...generalRegime, 'chambresConsulaires'],
  },
};
