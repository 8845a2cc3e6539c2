import type { CodeMotif } from '../legacy/types';

/** The `MotifOrientation` enum values. */
export type MotifOrientation = 'ACCES_AUX_DROITS' | 'LOGEMENT' | 'HEBERGEMENT_URGENCE' | 'EMPLOI' | 'SANTE' | 'RETRAITE' | 'DIFFICULTES_FINANCIERES' | 'NUMERIQUE' | 'ACCOMPAGNEMENT_SOCIAL' | 'AUTRE';

/** Referral reason code → `MotifOrientation`. */
export const motifDeCode: Readonly<Record<CodeMotif, MotifOrientation>> = {
  DRT: 'ACCES_AUX_DROITS',
  LOG: 'LOGEMENT',
  HEB: 'HEBERGEMENT_URGENCE',
  EMP: 'EMPLOI',
  SAN: 'SANTE',
  RET: 'RETRAITE',
  FIN: 'DIFFICULTES_FINANCIERES',
  NUM: 'NUMERIQUE',
  ACS: 'ACCOMPAGNEMENT_SOCIAL',
  AUT: 'AUTRE',
};

/** `MotifOrientation` → referral reason code. */
export const codeDeMotif = Object.fromEntries(Object.entries(motifDeCode).map(([code, m]) => [m, code])) as Readonly<Record<MotifOrientation, CodeMotif>>;
