import { cleCellule, dimensionCommune, modaliteCommune, type Comptage, type Cube } from '@passerelle/subgraph-kit';
import type { StatistiquesFoyers } from '../legacy/types';
import { prestationCaf } from '../resolvers/PrestationCaf';

/** `PrestationCaf` as a dimension, in the schema's order. */
const dimensionPrestation = {
  code: 'PRESTATION',
  argument: 'prestation',
  modalites: [
    { code: 'RSA', libelle: 'Revenu de solidarité active' },
    { code: 'PRIME_ACTIVITE', libelle: "Prime d'activité" },
    { code: 'AAH', libelle: 'Allocation aux adultes handicapés' },
    { code: 'APL', libelle: 'Aide personnalisée au logement' },
    { code: 'ALF', libelle: 'Allocation de logement familiale' },
    { code: 'ALS', libelle: 'Allocation de logement sociale' },
    { code: 'ALLOCATIONS_FAMILIALES', libelle: 'Allocations familiales' },
    { code: 'ASF', libelle: 'Allocation de soutien familial' },
    { code: 'COMPLEMENT_FAMILIAL', libelle: 'Complément familial' },
  ],
};

/** The CAF's count as the kit's cube: commune × benefit, communes outside the territory grouped. */
export function cubeFoyers(stats: StatistiquesFoyers): Cube {
  const comptages = new Map<string, Comptage>();
  for (const ligne of stats.LIGNES) {
    const key = cleCellule(modaliteCommune(ligne.COMMUNE), prestationCaf[ligne.PRESTATION]);
    const before = comptages.get(key) ?? { effectif: 0, montantCents: 0 };
    comptages.set(key, { effectif: before.effectif + ligne.NB_FOYERS, montantCents: (before.montantCents ?? 0) + ligne.MONTANT_TOTAL });
  }
  const d = stats.DATE_REF;
  return { dimensions: [dimensionCommune, dimensionPrestation], comptages, avecMontants: true, dateReference: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` };
}
