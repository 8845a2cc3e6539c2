import type { BeneficiaireDepartement, CodeMotif } from './BeneficiaireDepartement';
import type { CodeOrientation } from './referentsDepartement';

export interface FiltresPortefeuille {
  cd_orientation: CodeOrientation | null;
  etat_dossier: string | null;
  /** The motif of the open parcours. */
  cd_motif: CodeMotif | null;
}

/**
 * The files whose active référent is `idReferent`, RSA or not, filtered (the RSA filters keep
 * RSA files only), in a stable order: date the référent took the file on, then RSA file number
 * (none first), then usager key.
 */
export function portefeuille(all: Iterable<BeneficiaireDepartement>, idReferent: string, filtres: FiltresPortefeuille): BeneficiaireDepartement[] {
  const depuis = (b: BeneficiaireDepartement) => b.referents.find((r) => r.dt_fin === null)?.dt_debut ?? '';
  const numero = (b: BeneficiaireDepartement) => b.dossier_rsa?.no_dossier ?? '';
  return [...all]
    .filter((b) => b.referents.some((r) => r.dt_fin === null && r.id_referent === idReferent))
    .filter((b) => filtres.cd_orientation === null || b.dossier_rsa?.orientation?.cd_type === filtres.cd_orientation)
    .filter((b) => filtres.etat_dossier === null || b.dossier_rsa?.etat_dossier === filtres.etat_dossier)
    .filter((b) => filtres.cd_motif === null || b.parcours.some((p) => p.dt_cloture === null && p.cd_motif === filtres.cd_motif))
    .sort((a, b) => depuis(a).localeCompare(depuis(b)) || numero(a).localeCompare(numero(b)) || a.nir.localeCompare(b.nir));
}
