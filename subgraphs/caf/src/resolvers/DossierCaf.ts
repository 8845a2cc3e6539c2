import { passerelleError } from '@passerelle/subgraph-kit';
import type { DroitRsaLegacy, Resultat } from '../legacy/types';
import { toDroitCaf, type DroitCaf } from './DroitCaf';
import { toDroitRsa, type DroitRsa } from './DroitRsa';
import { toFoyerCaf, type FoyerCaf } from './FoyerCaf';
import { toPaiementsCaf, type PaiementCaf } from './PaiementCaf';

/** Bounds of `paiementsRecents(limite:)`. */
export const limitePaiements = { min: 1, max: 24 } as const;

/** The `DossierCaf` parent object: the graph fields, plus every payment for `paiementsRecents` to cut. */
export interface DossierCafParent {
  numeroAllocataire: string;
  codePostal: string;
  role: 'ALLOCATAIRE' | 'CONJOINT';
  foyer: FoyerCaf;
  quotientFamilial: number;
  droits: DroitCaf[];
  rsa: DroitRsa | null;
  /** Most recent first. */
  paiements: PaiementCaf[];
}

/** CAF answer for one NIR → `DossierCaf`. */
export function toDossierCaf(r: Resultat): DossierCafParent {
  const d = r.DOSSIER;
  // A file has one RSA right at most; should CAF ever list two, the first one is its current one.
  const rsa = d.DROITS.find((droit): droit is DroitRsaLegacy => droit.CODE_PRESTATION === 'RSA');
  return {
    numeroAllocataire: d.NUMALLOC,
    codePostal: d.CODE_POSTAL,
    role: r.ROLE_PERS === 'DEM' ? 'ALLOCATAIRE' : 'CONJOINT',
    foyer: toFoyerCaf(d),
    quotientFamilial: d.QF,
    droits: d.DROITS.map(toDroitCaf),
    rsa: rsa ? toDroitRsa(rsa) : null,
    paiements: toPaiementsCaf(d.PAIEMENTS),
  };
}

export const DossierCaf = {
  paiementsRecents(d: DossierCafParent, { limite }: { limite: number | null }): PaiementCaf[] {
    if (limite === null || limite < limitePaiements.min || limite > limitePaiements.max) {
      throw passerelleError('ARGUMENT_INVALIDE', `limite must be between ${limitePaiements.min} and ${limitePaiements.max}.`, { argument: 'limite' });
    }
    return d.paiements.slice(0, limite);
  },
};
