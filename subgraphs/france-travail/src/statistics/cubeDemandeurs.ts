import { cleCellule, parseLegacyDate, type Comptage, type Cube } from '@passerelle/subgraph-kit';
import type { StatistiquesDemandeurs } from '../legacy/types';

/** The job seekers' categories (DEFM 1 to 5), as the `CategorieDemandeurEmploi` enum spells them. */
const dimensionCategorie = {
  code: 'CATEGORIE',
  argument: 'categorie',
  modalites: [
    { code: 'CATEGORIE_1', libelle: 'Catégorie 1 : sans emploi, immédiatement disponible, à temps plein' },
    { code: 'CATEGORIE_2', libelle: 'Catégorie 2 : sans emploi, immédiatement disponible, à temps partiel' },
    { code: 'CATEGORIE_3', libelle: 'Catégorie 3 : sans emploi, immédiatement disponible, à durée déterminée' },
    { code: 'CATEGORIE_4', libelle: 'Catégorie 4 : sans emploi, non immédiatement disponible' },
    { code: 'CATEGORIE_5', libelle: 'Catégorie 5 : en emploi, non immédiatement disponible' },
  ],
};

/** France Travail's bands of registration duration → `AncienneteInscription`. */
const tranches = { '00-03': 'MOINS_DE_3_MOIS', '03-06': 'DE_3_A_6_MOIS', '06-12': 'DE_6_A_12_MOIS', '12-24': 'DE_12_A_24_MOIS', '24+': 'DE_24_MOIS_ET_PLUS' } as const;
const dimensionAnciennete = {
  code: 'ANCIENNETE',
  argument: 'anciennete',
  modalites: [
    { code: 'MOINS_DE_3_MOIS', libelle: 'Moins de 3 mois' },
    { code: 'DE_3_A_6_MOIS', libelle: 'De 3 à 6 mois' },
    { code: 'DE_6_A_12_MOIS', libelle: 'De 6 à 12 mois' },
    { code: 'DE_12_A_24_MOIS', libelle: 'De 12 à 24 mois' },
    { code: 'DE_24_MOIS_ET_PLUS', libelle: '24 mois et plus' },
  ],
};

/** France Travail's count as the kit's cube: category × duration of registration, no amounts. */
export function cubeDemandeurs(stats: StatistiquesDemandeurs): Cube {
  const comptages = new Map<string, Comptage>();
  for (const e of stats.effectifs) {
    const key = cleCellule(`CATEGORIE_${e.categorie}`, tranches[e.tranche_anciennete]);
    comptages.set(key, { effectif: (comptages.get(key)?.effectif ?? 0) + e.nb_demandeurs, montantCents: null });
  }
  return { dimensions: [dimensionCategorie, dimensionAnciennete], comptages, avecMontants: false, dateReference: parseLegacyDate(stats.date_reference) };
}
