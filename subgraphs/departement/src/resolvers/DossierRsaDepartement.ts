import { parseLegacyDate } from '@passerelle/subgraph-kit';
import type { Beneficiaire, DossierRsaLegacy } from '../legacy/types';
import { etatsRsa, typeOrientation, type EtatRsaDepartement } from './codesDepartement';

/** An `OrientationRsa` as the graph serves it. */
export interface OrientationRsa {
  type: (typeof typeOrientation)[keyof typeof typeOrientation];
  organisme: string;
  date: string;
}

/** A `DossierRsaDepartement` as the graph serves it. */
export interface DossierRsaDepartement {
  etat: EtatRsaDepartement;
  codeEtat: number;
  payeur: 'CAF' | 'MSA';
  soumisDroitsEtDevoirs: boolean;
  dateFlux: string;
  orientation: OrientationRsa | null;
}

export function toOrientationRsa(o: NonNullable<DossierRsaLegacy['orientation']>): OrientationRsa {
  return { type: typeOrientation[o.cd_type], organisme: o.lib_organisme, date: parseLegacyDate(o.dt_orientation) };
}

/** The RSA part of a Département file → `DossierRsaDepartement`; null for a usager accompanied without an RSA file. */
export function toDossierRsa(b: Beneficiaire): DossierRsaDepartement | null {
  const d = b.dossier_rsa;
  if (d === null) return null;
  const codeEtat = Number(d.etat_dossier);
  return {
    // The legacy schema only lets '0'–'6' through, so the index always exists.
    etat: etatsRsa[codeEtat]!,
    codeEtat,
    payeur: d.cd_organisme_payeur,
    soumisDroitsEtDevoirs: d.top_droits_devoirs === 'O',
    dateFlux: parseLegacyDate(d.dt_flux),
    orientation: d.orientation ? toOrientationRsa(d.orientation) : null,
  };
}
