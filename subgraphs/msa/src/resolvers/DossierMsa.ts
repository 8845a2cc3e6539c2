import type { AdherentLegacy } from '../legacy/types';
import { toCouvertureSanteMsa, type CouvertureSanteMsa } from './CouvertureSanteMsa';
import { toPrestationsFamilialesMsa, type PrestationsFamilialesMsa } from './PrestationsFamilialesMsa';
import { toRetraiteMsa, type RetraiteMsa } from './RetraiteMsa';

export type QualiteMsa = 'ASSURE' | 'AYANT_DROIT';
export type ActiviteMsa = 'EXPLOITANT' | 'SALARIE_AGRICOLE' | 'RETRAITE';

/** The `QualiteMsa` of each MSA qualité code. */
export const qualiteMsa: Readonly<Record<AdherentLegacy['cd_qualite'], QualiteMsa>> = { ASS: 'ASSURE', AYD: 'AYANT_DROIT' };
/** The `ActiviteMsa` of each MSA activity code. */
export const activiteMsa: Readonly<Record<NonNullable<AdherentLegacy['cd_activite']>, ActiviteMsa>> = { EXP: 'EXPLOITANT', SAL: 'SALARIE_AGRICOLE', RET: 'RETRAITE' };

/** A `DossierMsa` as the graph serves it. */
export interface DossierMsa {
  numeroAdherent: string;
  qualite: QualiteMsa;
  activite: ActiviteMsa | null;
  prestationsFamiliales: PrestationsFamilialesMsa | null;
  couvertureSante: CouvertureSanteMsa;
  retraite: RetraiteMsa | null;
}

/** MSA answer for one NIR → `DossierMsa`. */
export function toDossierMsa(a: AdherentLegacy): DossierMsa {
  return {
    numeroAdherent: a.no_adherent,
    qualite: qualiteMsa[a.cd_qualite],
    activite: a.cd_activite === null ? null : activiteMsa[a.cd_activite],
    prestationsFamiliales: a.famille === null ? null : toPrestationsFamilialesMsa(a.famille),
    couvertureSante: toCouvertureSanteMsa(a.sante),
    retraite: a.pension === null ? null : toRetraiteMsa(a.pension),
  };
}
