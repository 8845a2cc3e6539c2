import type { Faker } from '@faker-js/faker';
import { ageAt } from './ageAt';
import type { AssureCpam, DossierCaf, DossierCarsat, DossierMsa, Menage, Personne } from './types';

/**
 * The MSA file of a household under the agricultural regime: MSA pays the family and
 * activity benefits CAF pays to others (never both), covers health and pays farm pensions.
 * The family file, coverage and pension are derived with the same rules as CAF, CPAM and
 * Carsat, and handed in already built.
 */
export function deriveDossierMsa(
  faker: Faker,
  menage: Menage,
  adultes: Personne[],
  numero: string,
  built: { famille: DossierCaf | null; sante: AssureCpam[]; retraites: DossierCarsat[] },
): DossierMsa {
  return {
    numeroAdherent: numero,
    famille: built.famille,
    sante: built.sante,
    retraites: built.retraites,
    activites: adultes.map((p) => ({
      personne: p.ref,
      statut: ageAt(p.dateNaissance) >= 62 ? 'RETRAITE' : faker.datatype.boolean(0.55) ? 'EXPLOITANT' : 'SALARIE_AGRICOLE',
    })),
  };
}
