import type { CodeOrientation } from './referentsDepartement';

/** Objective states: `ENC` en cours, `ATT` atteint, `ABA` abandonné. */
export type CodeStatutObjectif = 'ENC' | 'ATT' | 'ABA';
/** Action states: prévue, en cours, réalisée, en attente, abandonnée, annulée. */
export type CodeStatutAction = 'PREV' | 'ENCO' | 'REAL' | 'ATTE' | 'ABAN' | 'ANNU';
/** Shared-file themes of the national carnet de bord. */
export const codesTheme = ['LOGEMENT', 'MOBILITE', 'SANTE', 'DIFF_FINANCIERES', 'DIFF_ADMINISTRATIVES', 'CONTRAINTES_FAMILIALES', 'LANGUE', 'NUMERIQUE', 'EMPLOI', 'FORMATION'] as const;
export type CodeTheme = (typeof codesTheme)[number];
/** Who may read a note: `REF` the référent only, `EQU` the support team, `USA` the team and the usager. */
export type CodeAudience = 'REF' | 'EQU' | 'USA';
/**
 * Partner codes of the objection register. The founding partners keep the codes the system had
 * before Passerelle (FT for France Travail, CD for the Département); a partner that joins later is
 * referenced by its Passerelle code in capitals, hyphens as underscores (REGION, CHAMBRES_CONSULAIRES).
 */
export const codesPartenaire = ['CAF', 'MSA', 'CPAM', 'CARSAT', 'FT', 'BAILLEURS', 'SIAO', 'CD'] as const;
export const codePartenairePattern = /^[A-Z][A-Z0-9_]{1,30}$/;
export type CodePartenaire = string;

/**
 * Why a parcours is open: `RSA` the orientation of an RSA beneficiary subject to rights and duties,
 * then the needs the agency accompanies anyone for: `INS` insertion (employment, training), `LOG`
 * logement, `SAN` santé (access to care, never health content), `MOB` mobilité, `NUM` numérique,
 * `ADR` accès aux droits, `BUD` budget et surendettement, `VIE` vieillissement, `HAN` handicap,
 * `PAR` parentalité.
 */
export const codesMotif = ['RSA', 'INS', 'LOG', 'SAN', 'MOB', 'NUM', 'ADR', 'BUD', 'VIE', 'HAN', 'PAR'] as const;
export type CodeMotif = (typeof codesMotif)[number];
/**
 * How a parcours ended: `OBJ` objectives reached, `REO` handed over to another scheme or partner,
 * `DEM` moved out of the Département, `REN` ended at the person's request, `INJ` no news (the person
 * could not be reached), `SOR` out of the scheme the parcours was opened for (end of the RSA right),
 * `DEC` death. `FUS` is the system's own: a parcours merged into the usager's other open one when a
 * provisional key was reconciled with a NIR (`rapprochements`); no command closes with it.
 */
export const codesIssueCloture = ['OBJ', 'REO', 'DEM', 'REN', 'INJ', 'SOR', 'DEC'] as const;
export const codesIssueParcours = [...codesIssueCloture, 'FUS'] as const;
export type CodeIssueParcours = (typeof codesIssueParcours)[number];
/** A team member's role: `CON` contributeur (reads the shared file, adds notes, actions, appointments), `LEC` lecteur (reads it, writes nothing). */
export const codesRoleEquipe = ['CON', 'LEC'] as const;
export type CodeRoleEquipe = (typeof codesRoleEquipe)[number];
/** Appointment states: `PLA` planned, `ANN` cancelled, `HON` honoured, `NHO` missed, `REP` postponed. */
export type CodeStatutRdv = 'PLA' | 'ANN' | 'HON' | 'NHO' | 'REP';
/** A usager key: a NIR (13 characters incl. 2A/2B, then the key; the key is not checked) or a provisional key `PRV` + 12 digits. */
export const cleUsagerPattern = /^(\d{5}(\d{2}|2A|2B)\d{8}|PRV\d{12})$/;

/** A professional as the file records them (denormalised from the directory, like `nom`). */
export interface Professionnel {
  id_referent: string;
  nom: string;
  structure: string;
  /** The Passerelle partner code of their institution (`caf`, `france-travail`); null for a structure that is not a federation partner (a CCAS). */
  partenaire_passerelle: string | null;
}

/** One usager's file in the Département's system, exactly as its API serves it (see mocks/docs/departement.md). */
export interface BeneficiaireDepartement {
  nir: string;
  /** null for a usager accompanied without an RSA file. */
  dossier_rsa: {
    cd_organisme_payeur: 'CAF' | 'MSA';
    no_dossier: string;
    etat_dossier: '0' | '1' | '2' | '3' | '4' | '5' | '6';
    top_droits_devoirs: 'O' | 'N';
    dt_flux: string;
    orientation: { cd_type: CodeOrientation; lib_organisme: string; dt_orientation: string } | null;
  } | null;
  /** Oldest first; at most one open (`dt_cloture: null`). */
  parcours: Array<{ id_parcours: string; cd_motif: CodeMotif; dt_ouverture: string; ouvert_par: string; dt_cloture: string | null; cd_issue: CodeIssueParcours | null }>;
  /** Oldest first; the active one has `dt_fin: null`. */
  referents: Array<Professionnel & { dt_debut: string; dt_fin: string | null }>;
  /** The support team around the référent, oldest first; active members have `dt_fin: null` (one line per active member at most). */
  equipe: Array<Professionnel & { cd_role: CodeRoleEquipe; fonction: string | null; dt_debut: string; dt_fin: string | null }>;
  objectifs: Array<{
    id_objectif: string;
    cd_theme: CodeTheme;
    intitule: string;
    cd_statut: CodeStatutObjectif;
    dt_creation: string;
    /** `structure_porteuse`: the structure that carries the action; `partenaire_porteur`: its Passerelle partner code, null when it is not a partner. */
    actions: Array<{ id_action: string; intitule: string; cd_statut: CodeStatutAction; dt_echeance: string | null; structure_porteuse: string; partenaire_porteur: string | null }>;
  }>;
  notes: Array<{ id_note: string; auteur: string; dt_note: string; cd_audience: CodeAudience; texte: string }>;
  /** `id_rdv_report`: the appointment planned in place of a postponed one (`REP`); null otherwise. */
  rendez_vous: Array<{ id_rdv: string; dt_rdv: string; hr_rdv: string; lieu: string; objet: string; avec: string; cd_statut: CodeStatutRdv; id_rdv_report: string | null }>;
  contrat: { dt_debut: string; dt_fin: string; objectifs: string[] } | null;
  oppositions: Array<{ cd_partenaire: CodePartenaire; dt_opposition: string; recueillie_par: string; dt_levee: string | null }>;
}
