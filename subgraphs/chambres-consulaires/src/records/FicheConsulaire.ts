/** The graph's enums, as TypeScript types. */
export type FormeEntreprise = 'MICRO_ENTREPRENEUR' | 'ENTREPRISE_INDIVIDUELLE' | 'SOCIETE';
export type QualificationArtisanale = 'ARTISAN' | 'MAITRE_ARTISAN' | 'ARTISAN_D_ART' | 'SANS_QUALIFICATION';
export type EtatEntreprise = 'ACTIVE' | 'RADIEE';
export type TypeAccompagnement =
  'INFORMATION' | 'DIAGNOSTIC' | 'FORMATION_CREATION' | 'FORMALITES' | 'SUIVI_POST_CREATION' | 'REPRISE_TRANSMISSION' | 'INSTALLATION_AGRICOLE' | 'DIFFICULTES_AGRICOLES' | 'CONSEIL';
export type EtatSuiviDifficulte = 'SIGNALE' | 'DIAGNOSTIC' | 'AUDIT_GLOBAL' | 'PLAN_RESTRUCTURATION' | 'SUIVI_TECHNICO_ECONOMIQUE' | 'CLOS';
export type DispositifDifficulte = 'CELLULE_REAGIR' | 'AREA' | 'PROCEDURE_COLLECTIVE';

/** An `EntrepriseConsulaire` as the graph serves it. */
export interface EntrepriseConsulaire {
  siren: string;
  denomination: string;
  forme: FormeEntreprise;
  formeJuridique: string | null;
  codeActivite: string;
  activite: string;
  qualificationArtisanale: QualificationArtisanale | null;
  dateImmatriculation: string;
  etat: EtatEntreprise;
  dateRadiation: string | null;
}

/** An `AccompagnementConsulaire` as the graph serves it (`enCours` is derived from `dateFin`). */
export interface AccompagnementConsulaire {
  type: TypeAccompagnement;
  intitule: string;
  dateDebut: string;
  dateFin: string | null;
  enCours: boolean;
  structure: string;
}

/** A `SuiviExploitantEnDifficulte` as the graph serves it. */
export interface SuiviExploitantEnDifficulte {
  etat: EtatSuiviDifficulte;
  enCours: boolean;
  dispositif: DispositifDifficulte;
  dateSignalement: string;
  dateEtat: string;
}

/** A person as a chamber recorded them, reduced to what matching uses (subgraphs/kit/src/identity). */
export interface IdentiteEnregistree {
  /** Birth name first, then the usage name when recorded. */
  noms: string[];
  prenoms: string[];
  /** `YYYY-MM-DD`. */
  dateNaissance: string;
  /** INSEE code, or null when the chamber did not record it. */
  codeLieuNaissance: string | null;
}

/** One record of a chamber, whatever its legacy format: an identity and what the chamber holds about it. */
export interface FicheConsulaire {
  identite: IdentiteEnregistree;
  entreprises: EntrepriseConsulaire[];
  accompagnements: AccompagnementConsulaire[];
  exploitantEnDifficulte: SuiviExploitantEnDifficulte | null;
}

/** Oldest first, as `SituationChambre.accompagnements` promises. */
export function byDateDebut(a: AccompagnementConsulaire, b: AccompagnementConsulaire): number {
  return a.dateDebut.localeCompare(b.dateDebut);
}

/** Groups one chamber's records by date of birth: the key its loader answers on. */
export function byBirthDate(fiches: readonly FicheConsulaire[]): Map<string, FicheConsulaire[]> {
  const byDate = new Map<string, FicheConsulaire[]>();
  for (const fiche of fiches) byDate.set(fiche.identite.dateNaissance, [...(byDate.get(fiche.identite.dateNaissance) ?? []), fiche]);
  return byDate;
}
