/** The key this subgraph receives for a `Usager`: the pivot identity (shared with the SIAO's subgraph, in the kit). */
export { identitePivotSchema, hasCompleteBirthDate, type IdentitePivot } from '@passerelle/subgraph-kit';
