/**
 * Monthly amounts in cents, April 2025 scale (the legal amounts in force from 1 April 2025; this file is their only copy in the project). Amounts marked *(unverified)*
 * are plausible orders of magnitude chosen for the simulation, kept here and only here.
 */
export const scale2025 = {
  rsaSeul: 64_652,
  rsaCoupleOuParentUnEnfant: 96_978,
  rsaParEnfantSupplementaire: 25_860,
  rsaMajoreParentUnEnfant: 110_694,
  /** Forfait logement deducted from RSA when housing aid is paid, single person *(unverified)*. */
  forfaitLogementSeul: 7_758,
  primeActiviteBase: 63_321,
  aahMaximum: 103_332,
  ass: 57_990,
  aspaSeul: 103_428,
  aspaCouple: 160_573,
  aideLogementMoyenne: 21_600,
  /** Family allowances for 2 and 3 children *(unverified)*. */
  allocationsFamiliales2Enfants: 15_105,
  allocationsFamiliales3Enfants: 34_459,
  /** Allocation de soutien familial per child *(unverified)*. */
  asfParEnfant: 20_078,
  /** Social rents in Rodez, charges excluded: [min, max] per typology. */
  loyers: { T1: [19_000, 22_000], T2: [31_700, 35_000], T3: [27_200, 45_400], T4: [33_100, 46_500], T5: [40_000, 52_000] },
} as const;

/** The date the simulated world is observed at, so that ages and payments never drift with the clock. */
export const dateObservation = '2026-11-01';
