import type { CategorieJuridique, CodePrestationCci, EntrepriseCci, PrestationCci, RessortissantCci } from '../legacy/cciTypes';
import { byDateDebut, type AccompagnementConsulaire, type EntrepriseConsulaire, type FicheConsulaire, type TypeAccompagnement } from './FicheConsulaire';

/** INSEE catégorie juridique → the form's usual name; `1000` (entrepreneur individuel) has none. */
export const formeJuridiqueCci: Readonly<Record<CategorieJuridique, string | null>> = { '1000': null, '5499': 'SARL', '5498': 'EURL', '5710': 'SAS', '5720': 'SASU' };

/** The CCI's service codes → the graph's kinds of support. */
export const typeAccompagnementCci: Readonly<Record<CodePrestationCci, TypeAccompagnement>> = {
  INFO: 'INFORMATION',
  '5JPE': 'FORMATION_CREATION',
  DIAG: 'DIAGNOSTIC',
  FORM: 'FORMALITES',
  SUIVI: 'SUIVI_POST_CREATION',
  REPR: 'REPRISE_TRANSMISSION',
};

/** A CCI business → `EntrepriseConsulaire`: the micro scheme only exists for an entrepreneur individuel. */
export function toEntrepriseCci(e: EntrepriseCci): EntrepriseConsulaire {
  const individuel = e.categorieJuridique === '1000';
  return {
    siren: e.siren,
    denomination: e.denomination,
    forme: !individuel ? 'SOCIETE' : e.microEntrepreneur ? 'MICRO_ENTREPRENEUR' : 'ENTREPRISE_INDIVIDUELLE',
    formeJuridique: formeJuridiqueCci[e.categorieJuridique],
    codeActivite: e.codeNaf,
    activite: e.activite,
    qualificationArtisanale: null,
    dateImmatriculation: e.dateImmatriculation,
    etat: e.dateRadiation === null ? 'ACTIVE' : 'RADIEE',
    dateRadiation: e.dateRadiation,
  };
}

export function toAccompagnementCci(p: PrestationCci): AccompagnementConsulaire {
  return { type: typeAccompagnementCci[p.code], intitule: p.libelle, dateDebut: p.debut, dateFin: p.fin, enCours: p.fin === null, structure: p.service };
}

/** A CCI ressortissant → a record: full civil identity, birth place always recorded. */
export function fromCci(r: RessortissantCci): FicheConsulaire {
  const { identite } = r;
  return {
    identite: {
      noms: [identite.nomNaissance, ...(identite.nomUsage ? [identite.nomUsage] : [])],
      prenoms: identite.prenoms,
      dateNaissance: identite.dateNaissance,
      codeLieuNaissance: identite.codeCommuneNaissance,
    },
    entreprises: r.entreprises.map(toEntrepriseCci),
    accompagnements: r.prestations.map(toAccompagnementCci).sort(byDateDebut),
    exploitantEnDifficulte: null,
  };
}
