import { passerelleError } from '@passerelle/subgraph-kit';
import type { DossierLegacy } from '../legacy/types';
import { toDiagnosticSocioPro, type DiagnosticSocioPro } from './DiagnosticSocioPro';
import { toIndemnisationFranceTravail, type IndemnisationFranceTravail } from './IndemnisationFranceTravail';
import { toInscriptionFranceTravail, type InscriptionFranceTravail } from './InscriptionFranceTravail';
import { toPaiementsFranceTravail, type PaiementFranceTravail } from './PaiementFranceTravail';

/** Bounds of `paiementsRecents(limite:)`. */
export const limitePaiements = { min: 1, max: 12 } as const;

/** The `DossierFranceTravail` parent object: the graph fields, plus every payment for `paiementsRecents` to cut. */
export interface DossierFranceTravailParent {
  identifiant: string;
  inscription: InscriptionFranceTravail;
  indemnisation: IndemnisationFranceTravail | null;
  conseiller: { nom: string; agence: string };
  diagnostic: DiagnosticSocioPro;
  /** Most recent first. */
  paiements: PaiementFranceTravail[];
}

/** France Travail file → `DossierFranceTravail`. */
export function toDossierFranceTravail(d: DossierLegacy): DossierFranceTravailParent {
  return {
    identifiant: d.identifiant,
    inscription: toInscriptionFranceTravail(d.inscription),
    indemnisation: d.indemnisation ? toIndemnisationFranceTravail(d.indemnisation) : null,
    conseiller: { nom: d.conseiller.nom, agence: d.conseiller.agence },
    diagnostic: toDiagnosticSocioPro(d.diagnostic),
    paiements: toPaiementsFranceTravail(d.paiements),
  };
}

export const DossierFranceTravail = {
  paiementsRecents(d: DossierFranceTravailParent, { limite }: { limite: number | null }): PaiementFranceTravail[] {
    if (limite === null || limite < limitePaiements.min || limite > limitePaiements.max) {
      throw passerelleError('ARGUMENT_INVALIDE', `limite must be between ${limitePaiements.min} and ${limitePaiements.max}.`, { argument: 'limite' });
    }
    return d.paiements.slice(0, limite);
  },
};
