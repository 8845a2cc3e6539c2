import { changeKey, type ClassifiedChange } from './diffApiSchemas';
import type { BreakingChangeAcknowledgement } from './parseBreakingChangesFile';

export interface AcknowledgedChanges {
  /** Breaking changes with their acknowledgement. */
  acknowledged: Array<{ change: ClassifiedChange; acknowledgement: BreakingChangeAcknowledgement }>;
  /** Breaking changes nobody acknowledged: the check fails on them. */
  unacknowledged: ClassifiedChange[];
  /** Acknowledgements that match no breaking change of this diff (already merged, or mistyped). */
  unused: BreakingChangeAcknowledgement[];
}

/** Matches breaking changes with acknowledgements on graphql-inspector's change type and path, exactly. */
export function acknowledgeBreakingChanges(changes: readonly ClassifiedChange[], acknowledgements: readonly BreakingChangeAcknowledgement[]): AcknowledgedChanges {
  const byKey = new Map(acknowledgements.map((a) => [changeKey(a), a] as const));
  const used = new Set<string>();
  const acknowledged: AcknowledgedChanges['acknowledged'] = [];
  const unacknowledged: ClassifiedChange[] = [];
  for (const change of changes.filter((c) => c.severity === 'BREAKING')) {
    const acknowledgement = byKey.get(changeKey(change));
    if (acknowledgement === undefined) unacknowledged.push(change);
    else {
      acknowledged.push({ change, acknowledgement });
      used.add(changeKey(change));
    }
  }
  return { acknowledged, unacknowledged, unused: acknowledgements.filter((a) => !used.has(changeKey(a))) };
}
