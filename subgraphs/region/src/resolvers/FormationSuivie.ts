import { parseDateFr } from '../legacy/formatsRegion';
import type { CodeRegime, CodeStatut, InscriptionLegacy } from '../legacy/types';
import { toActionFormation, type ActionFormation } from './ActionFormation';
import { toRemunerationStagiaire, type RemunerationStagiaireParent } from './RemunerationStagiaire';

/** `StatutFormation`. */
export type StatutFormation = 'INSCRIT' | 'EN_COURS' | 'ABANDON' | 'TERMINE';
/** `RegimeRemuneration`. */
export type RegimeRemuneration = 'REGION' | 'ARE_FORMATION' | 'AUCUNE';

/** A `FormationSuivie` as the graph serves it. */
export interface FormationSuivie {
  action: ActionFormation;
  statut: StatutFormation;
  dateEntree: string;
  dateSortie: string | null;
  heuresRealisees: number;
  regimeRemuneration: RegimeRemuneration;
  remuneration: RemunerationStagiaireParent | null;
}

/** Enrolment state codes of mocks/docs/region.md → the graph's enum. */
export const statutsFormation: Readonly<Record<CodeStatut, StatutFormation>> = { '10': 'INSCRIT', '20': 'EN_COURS', '30': 'ABANDON', '40': 'TERMINE' };
/** Who-pays codes of mocks/docs/region.md → the graph's enum. */
export const regimesRemuneration: Readonly<Record<CodeRegime, RegimeRemuneration>> = { REG: 'REGION', AREF: 'ARE_FORMATION', SANS: 'AUCUNE' };

/**
 * An enrolment → `FormationSuivie`. The rémunération is the Région's only: a `remuneration` sent
 * with another payer would be a contradiction in the partner's answer, and is left out rather
 * than shown as the Région's money.
 */
export function toFormationSuivie(i: InscriptionLegacy): FormationSuivie {
  const regimeRemuneration = regimesRemuneration[i.regimeRemuneration];
  return {
    action: toActionFormation(i.action),
    statut: statutsFormation[i.codeStatut],
    dateEntree: parseDateFr(i.dateEntree),
    dateSortie: i.dateSortie === null ? null : parseDateFr(i.dateSortie),
    heuresRealisees: i.heuresRealisees,
    regimeRemuneration,
    remuneration: regimeRemuneration === 'REGION' && i.remuneration ? toRemunerationStagiaire(i.remuneration) : null,
  };
}
