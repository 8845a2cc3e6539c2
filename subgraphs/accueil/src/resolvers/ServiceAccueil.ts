import type { CodeService } from '../legacy/types';

/** The `ServiceAccueil` enum values. */
export type ServiceAccueil = 'ACCUEIL_GENERAL' | 'ACCES_AUX_DROITS' | 'AIDE_NUMERIQUE' | 'DOMICILIATION' | 'AIDE_ALIMENTAIRE' | 'ACCOMPAGNEMENT_SOCIAL' | 'EMPLOI' | 'LOGEMENT' | 'ESPACE_RENCONTRE';

/** Directory service code → `ServiceAccueil`. */
export const serviceDeCode: Readonly<Record<CodeService, ServiceAccueil>> = {
  ACC_GEN: 'ACCUEIL_GENERAL',
  ACCES_DROITS: 'ACCES_AUX_DROITS',
  NUMERIQUE: 'AIDE_NUMERIQUE',
  DOMICILIATION: 'DOMICILIATION',
  ALIMENTAIRE: 'AIDE_ALIMENTAIRE',
  ACC_SOCIAL: 'ACCOMPAGNEMENT_SOCIAL',
  EMPLOI: 'EMPLOI',
  LOGEMENT: 'LOGEMENT',
  RENCONTRE: 'ESPACE_RENCONTRE',
};

/** `ServiceAccueil` → directory service code (a passage's reason is recorded with the directory's codes). */
export const codeDeService = Object.fromEntries(Object.entries(serviceDeCode).map(([code, s]) => [s, code])) as Readonly<Record<ServiceAccueil, CodeService>>;
