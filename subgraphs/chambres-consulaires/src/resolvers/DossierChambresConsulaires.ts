import { parseLegacyDate } from '@passerelle/subgraph-kit';
import type { DossierLegacy, EtatDossier } from '../legacy/types';

/** `StatutDossierChambresConsulaires`. */
export type StatutDossierChambresConsulaires = 'OUVERT' | 'SUSPENDU' | 'CLOS';

/** The `DossierChambresConsulaires` object: the legacy → graph mapping lives here. */
export interface DossierChambresConsulairesParent {
  numeroDossier: string;
  statut: StatutDossierChambresConsulaires;
  dateOuverture: string;
  dateMiseAJour: string;
  antenne: string;
}

/** State codes of mocks/docs/chambres-consulaires.md → the graph's enum. */
export const statutDossier: Readonly<Record<EtatDossier, StatutDossierChambresConsulaires>> = { O: 'OUVERT', S: 'SUSPENDU', C: 'CLOS' };

/** One legacy file → `DossierChambresConsulaires`: ISO dates, the state as an enum. */
export function toDossierChambresConsulaires(d: DossierLegacy): DossierChambresConsulairesParent {
  return {
    numeroDossier: d.NUM_DOSSIER,
    statut: statutDossier[d.ETAT],
    dateOuverture: parseLegacyDate(d.DATE_OUVERTURE),
    dateMiseAJour: parseLegacyDate(d.DATE_MAJ),
    antenne: d.ANTENNE,
  };
}
