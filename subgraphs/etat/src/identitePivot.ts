import { hasCompleteBirthDate, type IdentitePivot } from '@passerelle/subgraph-kit';

/** The pivot identity the gateway sends for `hebergement` (its `@requires`): the kit's, shared with the landlords' subgraph. */
export { identitePivotSchema, type IdentitePivot } from '@passerelle/subgraph-kit';

/** SI-SIAO's identity search needs a complete date of birth and a first name. */
export function isSearchable(pivot: IdentitePivot): boolean {
  return hasCompleteBirthDate(pivot) && pivot.prenoms.some((p) => p.trim() !== '');
}
