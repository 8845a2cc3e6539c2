import { centsToEuros, parseLegacyDate } from '@passerelle/subgraph-kit';
import type { DroitRsaLegacy } from '../legacy/types';

/** The `EtatRsa` enum values, indexed by their ETATDOSRSA code (0–6). */
const etatsRsa = ['EN_ATTENTE', 'REFUSE', 'OUVERT_VERSE', 'OUVERT_SUSPENDU', 'OUVERT_VERSEMENT_SUSPENDU', 'CLOS', 'CLOS_MOIS_ANTERIEUR'] as const;
export type EtatRsa = (typeof etatsRsa)[number];

/** A `DroitRsa` as the graph serves it. */
export interface DroitRsa {
  etat: EtatRsa;
  codeEtat: number;
  majore: boolean;
  soumisDroitsEtDevoirs: boolean;
  montantMensuel: number;
  dateDebut: string;
}

/** CAF RSA right → `DroitRsa`. */
export function toDroitRsa(d: DroitRsaLegacy): DroitRsa {
  const codeEtat = Number(d.DETAIL_RSA.ETATDOSRSA);
  return {
    // The legacy schema only lets '0'–'6' through, so the index always exists.
    etat: etatsRsa[codeEtat]!,
    codeEtat,
    majore: d.DETAIL_RSA.TOP_MAJORATION === '1',
    soumisDroitsEtDevoirs: d.DETAIL_RSA.TOPPERSDRDEF === '1',
    montantMensuel: centsToEuros(d.MONTANT_MENSUEL),
    dateDebut: parseLegacyDate(d.DATE_DEBUT),
  };
}
