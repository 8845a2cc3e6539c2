import { CriticalityLevel, diff } from '@graphql-inspector/core';
import type { GraphQLSchema } from 'graphql';

export type ChangeSeverity = 'BREAKING' | 'DANGEROUS' | 'SAFE';

/** One change between two API schemas, as @graphql-inspector/core names it. */
export interface ClassifiedChange {
  severity: ChangeSeverity;
  /** graphql-inspector's change type, e.g. `FIELD_REMOVED`. */
  type: string;
  /** The element changed, e.g. `DossierCaf.quotientFamilial`; `(schema)` for a change of the schema itself. */
  path: string;
  message: string;
  /** Why graphql-inspector rates it so, when it says. */
  reason?: string;
}

const severities: Readonly<Record<CriticalityLevel, ChangeSeverity>> = {
  [CriticalityLevel.Breaking]: 'BREAKING',
  [CriticalityLevel.Dangerous]: 'DANGEROUS',
  [CriticalityLevel.NonBreaking]: 'SAFE',
};
const order: Readonly<Record<ChangeSeverity, number>> = { BREAKING: 0, DANGEROUS: 1, SAFE: 2 };

/** What changes from `before` to `after`, for clients: breaking first, then dangerous, then safe, each by path. */
export async function diffApiSchemas(before: GraphQLSchema, after: GraphQLSchema): Promise<ClassifiedChange[]> {
  const changes = await diff(before, after);
  return changes
    .map((change): ClassifiedChange => ({
      severity: severities[change.criticality.level],
      type: change.type as string, // graphql-inspector types a change's type as any: its values are ChangeType's strings.
      path: change.path ?? '(schema)',
      message: change.message,
      ...(change.criticality.reason ? { reason: change.criticality.reason } : {}),
    }))
    .sort((a, b) => order[a.severity] - order[b.severity] || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}

/** The identity of a change across runs: what an acknowledgement names. */
export function changeKey(change: { type: string; path: string }): string {
  return `${change.type} ${change.path}`;
}
