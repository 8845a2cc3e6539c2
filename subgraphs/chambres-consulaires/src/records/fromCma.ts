import { parseLegacyDate } from '@passerelle/subgraph-kit';
import type { ArtisanCma, CodePrestationCma, EntrepriseCma, FormeCma, PrestationCma, QualifCma } from '../legacy/cmaTypes';
import {
  byDateDebut,
  type AccompagnementConsulaire,
  type EntrepriseConsulaire,
  type FicheConsulaire,
  type FormeEntreprise,
  type QualificationArtisanale,
  type TypeAccompagnement,
} from './FicheConsulaire';

export const formeCma: Readonly<Record<FormeCma, FormeEntreprise>> = { ME: 'MICRO_ENTREPRENEUR', EI: 'ENTREPRISE_INDIVIDUELLE', SOC: 'SOCIETE' };
export const qualificationCma: Readonly<Record<QualifCma, QualificationArtisanale>> = { ART: 'ARTISAN', MA: 'MAITRE_ARTISAN', AA: 'ARTISAN_D_ART', NQ: 'SANS_QUALIFICATION' };
export const typeAccompagnementCma: Readonly<Record<CodePrestationCma, TypeAccompagnement>> = {
  INFO: 'INFORMATION',
  SPI: 'FORMATION_CREATION',
  DIAG: 'DIAGNOSTIC',
  FORMA: 'FORMALITES',
  SUIVI: 'SUIVI_POST_CREATION',
  REPR: 'REPRISE_TRANSMISSION',
};

/** `""` is the CMA's "none". */
const optionalDate = (raw: string): string | null => (raw === '' ? null : parseLegacyDate(raw));

/** NAF code as the CMA writes it (`9602A`) → with its dot (`96.02A`), as INSEE and the other chambers write it. */
export const codeNaf = (raw: string): string => `${raw.slice(0, 2)}.${raw.slice(2)}`;

/** A CMA enterprise → `EntrepriseConsulaire`: the CMA records no legal form's name for companies. */
export function toEntrepriseCma(e: EntrepriseCma): EntrepriseConsulaire {
  return {
    siren: e.SIREN,
    denomination: e.ENSEIGNE,
    forme: formeCma[e.FORME],
    formeJuridique: null,
    codeActivite: codeNaf(e.CODE_NAF),
    activite: e.ACTIVITE,
    qualificationArtisanale: qualificationCma[e.QUALIF],
    dateImmatriculation: parseLegacyDate(e.DATE_IMMAT),
    etat: e.ETAT === 'A' ? 'ACTIVE' : 'RADIEE',
    dateRadiation: optionalDate(e.DATE_RAD),
  };
}

export function toAccompagnementCma(p: PrestationCma): AccompagnementConsulaire {
  const dateFin = optionalDate(p.DATE_FIN);
  return { type: typeAccompagnementCma[p.CODE], intitule: p.LIBELLE, dateDebut: parseLegacyDate(p.DATE_DEB), dateFin, enCours: dateFin === null, structure: p.SERVICE };
}

/** A CMA artisan → a record: first names split on spaces, birth place null when not recorded. */
export function fromCma(a: ArtisanCma): FicheConsulaire {
  return {
    identite: {
      noms: [a.NOM, ...(a.NOM_USAGE ? [a.NOM_USAGE] : [])],
      prenoms: a.PRENOMS.split(/\s+/).filter(Boolean),
      dateNaissance: parseLegacyDate(a.DATE_NAISS),
      codeLieuNaissance: a.LIEU_NAISS === '' ? null : a.LIEU_NAISS,
    },
    entreprises: a.ENTREPRISES.map(toEntrepriseCma),
    accompagnements: a.PRESTATIONS.map(toAccompagnementCma).sort(byDateDebut),
    exploitantEnDifficulte: null,
  };
}
