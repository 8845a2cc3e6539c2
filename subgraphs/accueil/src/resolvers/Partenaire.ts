import type { CodePartenaire } from '../legacy/types';

/** The `Partenaire` enum values. */
export type Partenaire = 'CAF' | 'CPAM' | 'CARSAT' | 'MSA' | 'FRANCE_TRAVAIL' | 'BAILLEURS' | 'SIAO' | 'DEPARTEMENT' | 'CCAS';

/** Directory partner code → `Partenaire`. */
export const partenaireDeCode: Readonly<Record<CodePartenaire, Partenaire>> = {
  CAF: 'CAF',
  CPAM: 'CPAM',
  CARSAT: 'CARSAT',
  MSA: 'MSA',
  FT: 'FRANCE_TRAVAIL',
  BAIL: 'BAILLEURS',
  SIAO: 'SIAO',
  CD12: 'DEPARTEMENT',
  CCAS: 'CCAS',
};

/** `Partenaire` → directory partner code. */
export const codeDePartenaire = Object.fromEntries(Object.entries(partenaireDeCode).map(([code, p]) => [p, code])) as Readonly<Record<Partenaire, CodePartenaire>>;
