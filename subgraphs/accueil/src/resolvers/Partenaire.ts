import type { CibleLegacy, CodePartenaire } from '../legacy/types';

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

/**
 * Directory partner code → the partner's Passerelle code, as its subgraph declares it with
 * `@partenaire` (schema/PARTENAIRES.md) and as agents' tokens carry it; the CCAS have no subgraph,
 * so no agent can answer for them. A partner outside the directory is recorded by its Passerelle
 * code itself (target `PASS`, mocks/docs/accueil.md).
 */
export const codePasserelleDeCode: Readonly<Record<CodePartenaire, string | null>> = {
  CAF: 'caf',
  CPAM: 'cpam',
  CARSAT: 'carsat',
  MSA: 'msa',
  FT: 'france-travail',
  BAIL: 'bailleurs',
  SIAO: 'siao',
  CD12: 'departement',
  CCAS: null,
};

/** How the system records a referral to the partner with this Passerelle code: by its directory code when it has one. */
export function cibleDeCodePasserelle(code: string): CibleLegacy {
  const annuaire = (Object.keys(codePasserelleDeCode) as CodePartenaire[]).find((c) => codePasserelleDeCode[c] === code);
  return annuaire === undefined ? { type_cible: 'PASS', code_cible: code } : { type_cible: 'PART', code_cible: annuaire };
}
