/** One partner, as its subgraph declares it with `@partenaire` (see schema/PARTENAIRES.md). */
export interface PartnerDeclaration {
  /** `caf`, `france-travail`: as in scopes `partenaire:<code>` and in objections. */
  code: string;
  /** The partner's name for people. */
  libelle: string;
  /** Whether a usager may object to this partner's data being shared. */
  opposable: boolean;
  /** The subgraphs that answer this partner's `Usager` fields (usually one). */
  subgraphs: readonly string[];
  /** The `Usager` fields that carry this partner's data: an objection withholds them. */
  usagerFields: readonly string[];
}

/**
 * Every partner of the federation, read from the supergraph: the only registry. Nothing in the
 * gateway names a partner; it asks this.
 */
export interface PartnerRegistry {
  readonly partners: ReadonlyMap<string, PartnerDeclaration>;
  /** The partner a subgraph speaks for through its `Usager` fields, or null (identity, reception, journal…). */
  partnerOfSubgraph(subgraph: string): PartnerDeclaration | null;
  /** The partner whose data a `Usager` field carries, or null. */
  partnerOfUsagerField(field: string): PartnerDeclaration | null;
  /** Codes of the partners a usager may object to. */
  readonly opposables: readonly string[];
}

/** The registry of a supergraph without partners: nothing to withhold, no scope `partenaire:<code>` valid. */
export const emptyPartnerRegistry: PartnerRegistry = {
  partners: new Map(),
  partnerOfSubgraph: () => null,
  partnerOfUsagerField: () => null,
  opposables: [],
};
