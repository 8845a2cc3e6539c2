import { findUndocumented } from '../findUndocumented';
import type { LintFinding } from './LintFinding';
import type { SubgraphSdl } from './SubgraphSdl';

/** Every type, field, argument and enum value described, in each subgraph (findUndocumented). */
export function lintSubgraphDocumentation(subgraph: SubgraphSdl): LintFinding[] {
  return findUndocumented(subgraph.sdl).map((coordinate) => ({ rule: 'documentation', subgraph: subgraph.name, coordinate, message: `${coordinate} has no description` }));
}

/**
 * The same on the composed API, for what no subgraph could be blamed for: an element that loses
 * its description in composition, typically a type every subgraph only extends (`extend type
 * Mutation`), since an extension cannot carry a description.
 */
export function lintApiDocumentation(apiSdl: string, alreadyReported: ReadonlySet<string>): LintFinding[] {
  return findUndocumented(apiSdl)
    .filter((coordinate) => !alreadyReported.has(coordinate))
    .map((coordinate) => ({
      rule: 'documentation',
      coordinate,
      message: `${coordinate} has no description in the composed API: describe it where a subgraph defines it (a type only ever extended, \`extend type ${coordinate.split(/[.…]/)[0]}\`, has none: define it with a description, \`"…" type ${coordinate.split(/[.…]/)[0]} {\`, in one subgraph)`,
    }));
}
