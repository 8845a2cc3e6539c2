import type { BeneficiaireDepartement } from './BeneficiaireDepartement';
import type { CodeOrientation } from './referentsDepartement';

export interface FiltresPortefeuille {
  cd_orientation: CodeOrientation | null;
  etat_dossier: string | null;
}

/**
 * The files whose active référent is `idReferent`, filtered, in a stable order: date the
 * référent took the file on, then RSA file number, then NIR.
 */
export function portefeuille(all: Iterable<BeneficiaireDepartement>, idReferent: string, filtres: FiltresPortefeuille): BeneficiaireDepartement[] {
  const depuis = (b: BeneficiaireDepartement) => b.referents.find((r) => r.dt_fin === null)?.dt_debut ?? '';
  return [...all]
    .filter((b) => b.referents.some((r) => r.dt_fin === null && r.id_referent === idReferent))
    .filter((b) => filtres.cd_orientation === null || b.dossier_rsa.orientation?.cd_type === filtres.cd_orientation)
    .filter((b) => filtres.etat_dossier === null || b.dossier_rsa.etat_dossier === filtres.etat_dossier)
    .sort((a, b) => depuis(a).localeCompare(depuis(b)) || a.dossier_rsa.no_dossier.localeCompare(b.dossier_rsa.no_dossier) || a.nir.localeCompare(b.nir));
}
