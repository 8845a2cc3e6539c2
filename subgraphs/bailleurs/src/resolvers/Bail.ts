import type { Bail as BailParent } from '../records/DossierBailleur';

export const Bail = {
  /** At least one month of rent unpaid. */
  enImpaye: (b: BailParent): boolean => b.moisImpayes > 0,
};
