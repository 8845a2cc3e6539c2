/**
 * The simulated world: people, households and what each partner's existing system holds
 * about them. This is the ground truth the simulators serve, each in its own legacy
 * format; no subgraph ever reads it directly.
 */

/** A place of birth: INSEE commune code, or `99` + country code for people born abroad. */
export interface LieuNaissance {
  code: string;
  libelle: string;
}

export interface Adresse {
  ligne: string;
  codePostal: string;
  commune: string;
  codeInsee: string;
}

export interface Personne {
  /** Simulation-internal reference (`p000042`, personas `persona:<key>`); no legacy API exposes it. */
  ref: string;
  nir: string;
  sexe: 1 | 2;
  nomNaissance: string;
  /** Usage name (e.g. spouse's), when different from the birth name. */
  nomUsage: string | null;
  prenoms: string[];
  /** `YYYY-MM-DD`. */
  dateNaissance: string;
  lieuNaissance: LieuNaissance;
  menage: string;
  adresse: Adresse;
  /** Health-insurance regime: general (CPAM), agricultural (MSA) or another special regime. */
  regime: 'GENERAL' | 'AGRICOLE' | 'AUTRE';
}

export type TypeMenage = 'PERSONNE_SEULE' | 'COUPLE_SANS_ENFANT' | 'COUPLE_AVEC_ENFANTS' | 'MONOPARENTAL';

export interface Menage {
  ref: string;
  type: TypeMenage;
  adresse: Adresse;
  /** Adults first, then children. */
  adultes: string[];
  enfants: string[];
  /** Monthly resources of the household in cents (for quotient familial and rights). */
  ressourcesCents: number;
}

/** Benefit codes as the CAF system spells them. */
export type CodePrestationCaf = 'RSA' | 'PPA' | 'AAH' | 'APL' | 'ALF' | 'ALS' | 'AF' | 'ASF' | 'CF';

export interface DroitCaf {
  prestation: CodePrestationCaf;
  montantCents: number;
  /** `YYYY-MM-DD`. */
  dateDebut: string;
  /** RSA only: ETATDOSRSA 0–6. */
  etatRsa?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  /** RSA only: single parent increase. */
  majore?: boolean;
  /** RSA only: subject to rights and duties (soumis aux droits et devoirs). */
  soumisDroitsDevoirs?: boolean;
}

export interface PaiementCaf {
  /** `YYYY-MM-DD`. */
  date: string;
  prestation: CodePrestationCaf;
  montantCents: number;
}

export interface DossierCaf {
  numeroAllocataire: string;
  codePostal: string;
  allocataire: string;
  conjoint: string | null;
  enfants: string[];
  quotientFamilial: number;
  droits: DroitCaf[];
  paiements: PaiementCaf[];
}

export interface AssureCpam {
  personne: string;
  /** `YYYY-MM-DD`. */
  dateDebutDroits: string;
  c2s: 'NON' | 'SANS_PARTICIPATION' | 'AVEC_PARTICIPATION';
  /** `YYYY-MM-DD`, when C2S is granted. */
  c2sFin: string | null;
  medecinTraitantDeclare: boolean;
  indemnitesJournalieresEnCours: boolean;
}

export interface DossierCarsat {
  personne: string;
  trimestresValides: number;
  statut: 'ACTIF' | 'DEMANDE_EN_COURS' | 'RETRAITE';
  /** `YYYY-MM-DD`, pension start. */
  dateEffet: string | null;
  pensionMensuelleCents: number | null;
  aspa: { montantCents: number; dateDebut: string } | null;
  actionSociale: Array<{ type: 'AIDE_MENAGERE' | 'ARDH' | 'PORTAGE_REPAS'; heuresMensuelles: number; dateDebut: string; dateFin: string }>;
}

/** A tenant as a landlord typed them in: no NIR, maybe usage name, maybe one first name. */
export interface IdentiteDeclaree {
  nom: string;
  prenom: string;
  dateNaissance: string;
  /** Landlords rarely record it. */
  codeLieuNaissance: string | null;
  /** Who this really is: ground truth for tests, never served. */
  personne: string;
}

export type CodeBailleur = 'rah' | 'ah';

export interface Bail {
  bailleur: CodeBailleur;
  reference: string;
  titulaires: IdentiteDeclaree[];
  typologie: 'T1' | 'T2' | 'T3' | 'T4' | 'T5';
  surface: number;
  adresse: Adresse;
  loyerCents: number;
  chargesCents: number;
  /** Balance owed, in cents (positive = the tenant owes). */
  soldeCents: number;
  moisImpayes: number;
  planApurement: { mensualiteCents: number; dateDebut: string; dateFin: string; respecte: boolean } | null;
  dateEntree: string;
}

export interface DemandeLogement {
  bailleur: CodeBailleur;
  numeroUnique: string;
  demandeur: IdentiteDeclaree;
  dateDepot: string;
  dateRenouvellement: string | null;
  statut: 'ACTIVE' | 'PROPOSITION' | 'ATTRIBUEE' | 'RADIEE';
  typologieSouhaitee: 'T1' | 'T2' | 'T3' | 'T4' | 'T5';
}

/** MSA: the agricultural regime's family benefits (same rights as CAF), health coverage and farm pension. */
export interface DossierMsa {
  /** MSA member number (numéro d'adhérent) *(format simplified)*. */
  numeroAdherent: string;
  /** The household's family file, with the same rights and codes as at CAF; null when MSA pays none. */
  famille: DossierCaf | null;
  /** Health coverage of each member (same shape as CPAM's). */
  sante: AssureCpam[];
  /** Farm pension of retired members. */
  retraites: DossierCarsat[];
  /** Activity of each adult: farm owner (exploitant) or farm employee (salarié agricole). */
  activites: Array<{ personne: string; statut: 'EXPLOITANT' | 'SALARIE_AGRICOLE' | 'RETRAITE' }>;
}

/** France Travail: a job seeker's file, reached through its own identifiant (two-step API). */
export interface DossierFranceTravail {
  personne: string;
  /** France Travail's own identifier (8 characters) *(format simplified)*. */
  identifiant: string;
  categorie: 1 | 2 | 3 | 4 | 5;
  dateInscription: string;
  indemnisation: { allocation: 'ARE' | 'ASS'; montantJournalierCents: number; dateDebut: string; dateFinDroits: string } | null;
  paiements: Array<{ date: string; allocation: 'ARE' | 'ASS'; montantCents: number }>;
  conseiller: { nom: string; agence: string };
  diagnostic: { date: string; contraintes: CodeContrainte[]; besoins: CodeBesoin[] };
}

export type CodeContrainte = 'MOBILITE' | 'LOGEMENT' | 'SANTE' | 'GARDE_ENFANTS' | 'LANGUE' | 'NUMERIQUE' | 'FINANCIERE' | 'ADMINISTRATIVE';
export type CodeBesoin = 'FORMATION' | 'ACCOMPAGNEMENT_RENFORCE' | 'PERMIS_CONDUIRE' | 'AIDE_NUMERIQUE' | 'APPRENTISSAGE_FRANCAIS' | 'CREATION_ENTREPRISE';

/** État (SIAO): a request for emergency or adapted housing. */
export interface DemandeSiao {
  reference: string;
  /** Members of the request; the SIAO knows them by identity, sometimes by NIR. */
  personnes: string[];
  nirConnu: boolean;
  dateDemande: string;
  type: 'URGENCE' | 'INSERTION';
  statut: 'EN_ATTENTE' | 'ORIENTEE' | 'HEBERGEE' | 'CLOTUREE';
  orientation: { dispositif: 'HEBERGEMENT_URGENCE' | 'CHRS' | 'PENSION_DE_FAMILLE' | 'LOGEMENT_ACCOMPAGNE' | 'RESIDENCE_SOCIALE'; structure: string; date: string } | null;
}

/** Everything the simulators serve. */
export interface World {
  seed: number;
  personnes: Personne[];
  menages: Menage[];
  caf: DossierCaf[];
  cpam: AssureCpam[];
  carsat: DossierCarsat[];
  baux: Bail[];
  demandes: DemandeLogement[];
  msa: DossierMsa[];
  franceTravail: DossierFranceTravail[];
  siao: DemandeSiao[];
}
