import { centsToEuros, parseLegacyDate } from '@passerelle/subgraph-kit';
import type { PrestationRsaLegacy } from '../legacy/types';

/** The `EtatRsa` enum values, indexed by their ETATDOSRSA code (0–6). */
const etatsRsa = ['EN_ATTENTE', 'REFUSE', 'OUVERT_VERSE', 'OUVERT_SUSPENDU', 'OUVERT_VERSEMENT_SUSPENDU', 'CLOS', 'CLOS_MOIS_ANTERIEUR'] as const;
export type EtatRsa = (typeof etatsRsa)[number];

/** A `DroitRsaMsa` as the graph serves it. */
export interface DroitRsaMsa {
  etat: EtatRsa;
  codeEtat: number;
  majore: boolean;
  soumisDroitsEtDevoirs: boolean;
  montantMensuel: number;
  dateDebut: string;
}

/** MSA RSA benefit → `DroitRsaMsa`. */
export function toDroitRsaMsa(p: PrestationRsaLegacy): DroitRsaMsa {
  const codeEtat = Number(p.rsa.etatdosrsa);
  return {
    // The legacy schema only lets '0'–'6' through, so the index always exists.
    etat: etatsRsa[codeEtat]!,
    codeEtat,
    majore: p.rsa.ind_majoration === 'O',
    soumisDroitsEtDevoirs: p.rsa.ind_droits_devoirs === 'O',
    montantMensuel: centsToEuros(p.mt_mensuel),
    dateDebut: parseLegacyDate(p.dt_effet),
  };
}
