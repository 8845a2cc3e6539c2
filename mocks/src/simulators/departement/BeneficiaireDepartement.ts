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
/** Partners whose data an usager may object to sharing. */
/**
 * Partner codes of the objection register. The founding partners keep the codes the system had
 * before Passerelle (FT for France Travail, CD for the Département); a partner that joins later is
 * referenced by its Passerelle code in capitals, hyphens as underscores (REGION, CHAMBRES_CONSULAIRES).
 */
export const codesPartenaire = ['CAF', 'MSA', 'CPAM', 'CARSAT', 'FT', 'BAILLEURS', 'SIAO', 'CD'] as const;
export const codePartenairePattern = /^[A-Z][A-Z0-9_]{1,30}$/;
export type CodePartenaire = string;

/** One usager's file in the Département's system, exactly as its API serves it (see mocks/docs/departement.md). */
export interface BeneficiaireDepartement {
  nir: string;
  dossier_rsa: {
    cd_organisme_payeur: 'CAF' | 'MSA';
    no_dossier: string;
    etat_dossier: '0' | '1' | '2' | '3' | '4' | '5' | '6';
    top_droits_devoirs: 'O' | 'N';
    dt_flux: string;
    orientation: { cd_type: CodeOrientation; lib_organisme: string; dt_orientation: string } | null;
  };
  /** Oldest first; the active one has `dt_fin: null`. */
  referents: Array<{ id_referent: string; nom: string; structure: string; dt_debut: string; dt_fin: string | null }>;
  objectifs: Array<{
    id_objectif: string;
    cd_theme: CodeTheme;
    intitule: string;
    cd_statut: CodeStatutObjectif;
    dt_creation: string;
    actions: Array<{ id_action: string; intitule: string; cd_statut: CodeStatutAction; dt_echeance: string | null }>;
  }>;
  notes: Array<{ id_note: string; auteur: string; dt_note: string; cd_audience: CodeAudience; texte: string }>;
  rendez_vous: Array<{ id_rdv: string; dt_rdv: string; hr_rdv: string; lieu: string; objet: string; avec: string; cd_statut: 'PLA' | 'ANN' }>;
  contrat: { dt_debut: string; dt_fin: string; objectifs: string[] } | null;
  oppositions: Array<{ cd_partenaire: CodePartenaire; dt_opposition: string; recueillie_par: string; dt_levee: string | null }>;
}
