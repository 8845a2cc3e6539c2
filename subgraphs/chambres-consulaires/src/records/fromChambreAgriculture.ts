import {
  fromChambreDate,
  type AccompagnementAgri,
  type DispositifDifficulteAgri,
  type EtapeDifficulte,
  type Exploitant,
  type Exploitation,
  type StatutJuridique,
  type SuiviDifficulteAgri,
  type TypeAccompagnementAgri,
} from '../legacy/chambreAgricultureTypes';
import {
  byDateDebut,
  type AccompagnementConsulaire,
  type DispositifDifficulte,
  type EntrepriseConsulaire,
  type EtatSuiviDifficulte,
  type FicheConsulaire,
  type SuiviExploitantEnDifficulte,
  type TypeAccompagnement,
} from './FicheConsulaire';

export const typeAccompagnementAgri: Readonly<Record<TypeAccompagnementAgri, TypeAccompagnement>> = {
  PAI: 'INSTALLATION_AGRICOLE',
  PPP: 'INSTALLATION_AGRICOLE',
  CONSEIL: 'CONSEIL',
  REAGIR: 'DIFFICULTES_AGRICOLES',
  AUDIT: 'DIFFICULTES_AGRICOLES',
  STE: 'DIFFICULTES_AGRICOLES',
};
export const etatSuivi: Readonly<Record<EtapeDifficulte, EtatSuiviDifficulte>> = {
  SIGNALEMENT: 'SIGNALE',
  ECOUTE: 'DIAGNOSTIC',
  AUDIT: 'AUDIT_GLOBAL',
  PLAN: 'PLAN_RESTRUCTURATION',
  SUIVI: 'SUIVI_TECHNICO_ECONOMIQUE',
  CLOS: 'CLOS',
};
export const dispositif: Readonly<Record<DispositifDifficulteAgri, DispositifDifficulte>> = { REAGIR: 'CELLULE_REAGIR', AREA: 'AREA', PROC_COLLECTIVE: 'PROCEDURE_COLLECTIVE' };

/** An individual farm has no legal form's name; the others keep theirs (`GAEC`, `EARL`, `SCEA`). */
const formeJuridique = (s: StatutJuridique): string | null => (s === 'INDIVIDUEL' ? null : s);

/** A farm → `EntrepriseConsulaire`: the installation is its registration, the cessation its striking off. */
export function toExploitation(e: Exploitation): EntrepriseConsulaire {
  return {
    siren: e.siren,
    denomination: e.raisonSociale,
    forme: e.statutJuridique === 'INDIVIDUEL' ? 'ENTREPRISE_INDIVIDUELLE' : 'SOCIETE',
    formeJuridique: formeJuridique(e.statutJuridique),
    codeActivite: e.codeNaf,
    activite: e.production,
    qualificationArtisanale: null,
    dateImmatriculation: fromChambreDate(e.dateInstallation),
    etat: e.dateCessation === null ? 'ACTIVE' : 'RADIEE',
    dateRadiation: e.dateCessation === null ? null : fromChambreDate(e.dateCessation),
  };
}

export function toAccompagnementAgri(a: AccompagnementAgri): AccompagnementConsulaire {
  return {
    type: typeAccompagnementAgri[a.type],
    intitule: a.libelle,
    dateDebut: fromChambreDate(a.debut),
    dateFin: a.fin === null ? null : fromChambreDate(a.fin),
    enCours: a.fin === null,
    structure: a.service,
  };
}

export function toSuiviDifficulte(s: SuiviDifficulteAgri): SuiviExploitantEnDifficulte {
  return { etat: etatSuivi[s.etape], enCours: s.etape !== 'CLOS', dispositif: dispositif[s.dispositif], dateSignalement: fromChambreDate(s.dateSignalement), dateEtat: fromChambreDate(s.dateEtape) };
}

/** A farmer → a record: one surname and one first name, no birth place. */
export function fromChambreAgriculture(e: Exploitant): FicheConsulaire {
  return {
    identite: { noms: [e.nom], prenoms: [e.prenom], dateNaissance: fromChambreDate(e.naissance), codeLieuNaissance: null },
    entreprises: e.exploitations.map(toExploitation),
    accompagnements: e.accompagnements.map(toAccompagnementAgri).sort(byDateDebut),
    exploitantEnDifficulte: e.suiviDifficulte === null ? null : toSuiviDifficulte(e.suiviDifficulte),
  };
}
