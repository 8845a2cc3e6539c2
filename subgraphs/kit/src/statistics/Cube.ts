/** One modality of a dimension: its code (what filters name) and its label. */
export interface Modalite {
  code: string;
  libelle: string;
}

/**
 * A fixed partition: every unit counted falls in exactly one modality. The list is fixed by the
 * statistic, never by the data: a modality nobody falls in is a cell of 0, not a missing cell.
 */
export interface Dimension {
  /** The dimension's name as the partner's dimension enum spells it (`COMMUNE`). */
  code: string;
  /** The GraphQL argument that filters on one of its modalities (`commune`). */
  argument: string;
  modalites: readonly Modalite[];
}

/** What a partner's system counted in one cell of the finest grid. */
export interface Comptage {
  effectif: number;
  /** Sum of amounts in cents; null for a statistic without amounts. */
  montantCents: number | null;
}

/**
 * The finest grid of one statistic for one period, as the partner's system computed it: two
 * fixed dimensions crossed. Cells missing from `comptages` are 0 (systems omit empty groups).
 */
export interface Cube {
  dimensions: readonly [Dimension, Dimension];
  /** Counts by `cleCellule(a, b)` of the two modalities' codes. */
  comptages: ReadonlyMap<string, Comptage>;
  /** Whether the statistic carries amounts (then a missing cell's amount is 0, not null). */
  avecMontants: boolean;
  /** The date the figures are as of (ISO `YYYY-MM-DD`), as the partner's system reports it. */
  dateReference: string;
}

/** The key of a cell in `Cube.comptages`. */
export const cleCellule = (a: string, b: string): string => `${a}\u0000${b}`;
