/** The lint rules of the schema check. */
export type LintRule = 'documentation' | 'classification' | 'partner-declaration' | 'no-nir';

/** One lint problem. Every finding fails the check. */
export interface LintFinding {
  rule: LintRule;
  /** The subgraph at fault; absent for a finding on the composed schema. */
  subgraph?: string;
  /** The schema coordinate concerned, when there is one (`Type.field`, `Type`, `schema`). */
  coordinate?: string;
  message: string;
}
