import { parseLegacyDate } from '@passerelle/subgraph-kit';
import type { DossierLegacy, EtatDossier } from '../legacy/types';

/** `StatutDossierRegion`. */
export type StatutDossierRegion = 'OUVERT' | 'SUSPENDU' | 'CLOS';

/** The `DossierRegion` object: the legacy → graph mapping lives here. */
export interface DossierRegionParent {
  numeroDossier: string;
  statut: StatutDossierRegion;
  dateOuverture: string;
  dateMiseAJour: string;
  antenne: string;
}

/** State codes of mocks/docs/region.md → the graph's enum. */
export const statutDossier: Readonly<Record<EtatDossier, StatutDossierRegion>> = { O: 'OUVERT', S: 'SUSPENDU', C: 'CLOS' };

/** One legacy file → `DossierRegion`: ISO dates, the state as an enum. */
export function toDossierRegion(d: DossierLegacy): DossierRegionParent {
  return {
    numeroDossier: d.NUM_DOSSIER,
    statut: statutDossier[d.ETAT],
    dateOuverture: parseLegacyDate(d.DATE_OUVERTURE),
    dateMiseAJour: parseLegacyDate(d.DATE_MAJ),
    antenne: d.ANTENNE,
  };
}
