/** Typology of a dwelling, as the graph names it. */
export type TypologieLogement = 'T1' | 'T2' | 'T3' | 'T4' | 'T5';
export type StatutDemandeLogement = 'ACTIVE' | 'PROPOSITION' | 'ATTRIBUEE' | 'RADIEE';

/** A `Bail` as the graph serves it (`enImpaye` is derived by its resolver). */
export interface Bail {
  reference: string;
  typologie: TypologieLogement;
  surface: number;
  adresse: { ligne: string; codePostal: string; commune: string };
  loyer: number;
  charges: number;
  solde: number;
  moisImpayes: number;
  planApurement: { mensualite: number; dateDebut: string; dateFin: string; respecte: boolean } | null;
  dateEntree: string;
}

/** A `DemandeLogementSocial` as the graph serves it. */
export interface DemandeLogementSocial {
  numeroUnique: string;
  dateDepot: string;
  dateRenouvellement: string | null;
  statut: StatutDemandeLogement;
  typologieSouhaitee: TypologieLogement;
}

/** A person as a landlord's agent typed them: one name, one first name, rarely the birth place. */
export interface IdentiteDeclaree {
  nom: string;
  prenom: string;
  /** `YYYY-MM-DD`. */
  dateNaissance: string;
  codeLieuNaissance: string | null;
}

/** A tenant record (the landlord's tenant file) and the leases it holds. */
export interface FicheLocataire {
  identite: IdentiteDeclaree;
  baux: Bail[];
}

/** An applicant record: one per social-housing application. */
export interface FicheDemandeur {
  identite: IdentiteDeclaree;
  demande: DemandeLogementSocial;
}

/**
 * What one landlord holds about people born on one date, whatever its legacy format:
 * tenant records and applicant records, to be matched against a person's identity.
 */
export interface DossierBailleur {
  locataires: FicheLocataire[];
  demandeurs: FicheDemandeur[];
}

export const dossierVide: DossierBailleur = { locataires: [], demandeurs: [] };
