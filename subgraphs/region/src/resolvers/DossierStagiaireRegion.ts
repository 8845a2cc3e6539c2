import type { StagiaireLegacy } from '../legacy/types';
import { toFormationSuivie, type FormationSuivie } from './FormationSuivie';
import type { RemunerationStagiaireParent } from './RemunerationStagiaire';

/** The `DossierStagiaireRegion` object; `connu` (always true, not exposed to clients) is what presence @requires. */
export interface DossierStagiaireRegion {
  numeroStagiaire: string;
  formations: FormationSuivie[];
  remunerationEnCours: RemunerationStagiaireParent | null;
  connu: true;
}

/** A rémunération the Région is examining, paying or has suspended: not closed. */
const enCours = (f: FormationSuivie) => f.remuneration !== null && f.remuneration.etat !== 'CLOSE';

/** A trainee → `DossierStagiaireRegion`: enrolments most recent entry first (the system sends them oldest first). */
export function toDossierStagiaireRegion(s: StagiaireLegacy): DossierStagiaireRegion {
  const formations = s.inscriptions.map(toFormationSuivie).sort((a, b) => b.dateEntree.localeCompare(a.dateEntree));
  return {
    numeroStagiaire: s.numeroStagiaire,
    formations,
    remunerationEnCours: formations.find(enCours)?.remuneration ?? null,
    connu: true,
  };
}
