import { passerelleError } from '@passerelle/subgraph-kit';
import { parseDateFr, parseMoisFr, parseMontantFr } from '../legacy/formatsRegion';
import type { CodeBareme, CodeEtatRemuneration, RemunerationLegacy } from '../legacy/types';

/** `BaremeRemuneration`. */
export type BaremeRemuneration = 'MOINS_DE_18_ANS' | 'DE_18_A_25_ANS' | 'MOINS_DE_26_ANS_AVEC_ACTIVITE_ANTERIEURE' | 'DE_26_ANS_ET_PLUS';
/** `EtatRemuneration`. */
export type EtatRemuneration = 'EN_INSTRUCTION' | 'EN_PAIEMENT' | 'SUSPENDUE' | 'CLOSE';

/** A `VersementRemuneration` as the graph serves it. */
export interface VersementRemuneration {
  periode: string;
  dateVersement: string;
  montant: number;
}

/** The `RemunerationStagiaire` parent object: the graph fields, plus every payment for `derniersVersements` to cut. */
export interface RemunerationStagiaireParent {
  montantMensuel: number;
  bareme: BaremeRemuneration;
  etat: EtatRemuneration;
  /** Most recent first. */
  versements: VersementRemuneration[];
}

/** Bounds of `derniersVersements(limite:)`: the system keeps six payments. */
export const limiteVersements = { min: 1, max: 6 } as const;

/** Scale codes of mocks/docs/region.md → the graph's enum. */
export const baremes: Readonly<Record<CodeBareme, BaremeRemuneration>> = {
  M18: 'MOINS_DE_18_ANS',
  J25: 'DE_18_A_25_ANS',
  J25A: 'MOINS_DE_26_ANS_AVEC_ACTIVITE_ANTERIEURE',
  A26: 'DE_26_ANS_ET_PLUS',
};

/** State codes of mocks/docs/region.md → the graph's enum. */
export const etatsRemuneration: Readonly<Record<CodeEtatRemuneration, EtatRemuneration>> = { INS: 'EN_INSTRUCTION', PAI: 'EN_PAIEMENT', SUS: 'SUSPENDUE', CLO: 'CLOSE' };

/** The Région's rémunération → `RemunerationStagiaire`: euros as numbers, ISO dates, payments most recent first whatever the order sent. */
export function toRemunerationStagiaire(r: RemunerationLegacy): RemunerationStagiaireParent {
  return {
    montantMensuel: parseMontantFr(r.montantMensuel),
    bareme: baremes[r.codeBareme],
    etat: etatsRemuneration[r.etat],
    versements: r.versements
      .map((v) => ({ periode: parseMoisFr(v.periode), dateVersement: parseDateFr(v.dateVersement), montant: parseMontantFr(v.montant) }))
      .sort((a, b) => b.dateVersement.localeCompare(a.dateVersement) || b.periode.localeCompare(a.periode)),
  };
}

export const RemunerationStagiaire = {
  derniersVersements(r: RemunerationStagiaireParent, { limite }: { limite: number | null }): VersementRemuneration[] {
    if (limite === null || limite < limiteVersements.min || limite > limiteVersements.max) {
      throw passerelleError('ARGUMENT_INVALIDE', `limite must be between ${limiteVersements.min} and ${limiteVersements.max}.`, { argument: 'limite' });
    }
    return r.versements.slice(0, limite);
  },
};
