import { cleCellule, type Comptage, type Cube } from '@passerelle/subgraph-kit';
import type { ImpayesBailleur } from '../legacy/statistiquesImpayesSchemas';

const dimensionBailleur = {
  code: 'BAILLEUR',
  argument: 'bailleur',
  modalites: [
    { code: 'RAH', libelle: 'Rodez Agglo Habitat' },
    { code: 'AH', libelle: 'Aveyron Habitat' },
  ],
};

const dimensionTranche = {
  code: 'MOIS_IMPAYES',
  argument: 'moisImpayes',
  modalites: [
    { code: 'UN_MOIS', libelle: '1 mois' },
    { code: 'DEUX_MOIS', libelle: '2 mois' },
    { code: 'DE_3_A_5_MOIS', libelle: '3 à 5 mois' },
    { code: 'SIX_MOIS_ET_PLUS', libelle: '6 mois et plus' },
  ],
};

/** The `TrancheImpayes` band of a number of months unpaid (at least 1). */
function tranche(mois: number): string {
  if (mois === 1) return 'UN_MOIS';
  if (mois === 2) return 'DEUX_MOIS';
  return mois < 6 ? 'DE_3_A_5_MOIS' : 'SIX_MOIS_ET_PLUS';
}

/**
 * Both landlords' counts as one cube: landlord × band of months unpaid, with the balances owed.
 * The reference date is the later of the two systems' (both close the same month).
 */
export function cubeImpayes(parBailleur: Record<'RAH' | 'AH', ImpayesBailleur>): Cube {
  const comptages = new Map<string, Comptage>();
  for (const [bailleur, impayes] of Object.entries(parBailleur)) {
    for (const l of impayes.lignes) {
      const key = cleCellule(bailleur, tranche(l.moisImpayes));
      const before = comptages.get(key) ?? { effectif: 0, montantCents: 0 };
      comptages.set(key, { effectif: before.effectif + l.baux, montantCents: (before.montantCents ?? 0) + l.montantCents });
    }
  }
  const dateReference = [parBailleur.RAH.dateReference, parBailleur.AH.dateReference].sort().at(-1)!;
  return { dimensions: [dimensionBailleur, dimensionTranche], comptages, avecMontants: true, dateReference };
}
