/**
 * What a legacy read returns, as the subgraph that makes it declares it (every `get`, `getOrNull`
 * and read-only `post` of createLegacyClient.ts names one), and so how long its answer may be
 * served again to any request of this process:
 * - `personal`: data about people that changes outside Passerelle (a partner's file, a search by
 *   identity): a short TTL, so that a repeated list or caseload does not ask again at once.
 * - `reference`: data about no one in particular that changes rarely (reception places, event
 *   directories, a month's statistics): minutes.
 * - `callerDependent`: never kept, and shared in flight only with identical reads of the same
 *   caller: a read whose request carries or depends on the caller (a partner's inbox, a référent's
 *   caseload), or whose answer decides what the caller may see or do (the Département's access
 *   facts: référent, team membership, objections, notes filtered by audience; a referral read to
 *   check who may answer it). Authorization must never rest on another request's answer. Also
 *   for what Passerelle promises never to keep: a crossing's extraction (docs/statistics.md).
 * - `live`: never kept, but shared in flight with any request: data that a write through another
 *   subgraph changes, which this process cannot see happen (the reception network's records of a
 *   person, moved by the identity register when a provisional identity is reconciled with a NIR:
 *   mocks/docs/rip.md), so that a reconciliation is read back at once.
 */
export type LegacyReadKind = 'personal' | 'reference' | 'callerDependent' | 'live';

/** The kinds, for validation and docs. */
export const legacyReadKinds: readonly LegacyReadKind[] = ['personal', 'reference', 'callerDependent', 'live'];

/**
 * Each kind's TTL when the system's `<PREFIX>_LEGACY_CACHE_TTL_MS` is unset, in ms.
 * 30 s for personal data: long enough for a repeated list or caseload, the usual "read it again"
 * of a screen; short enough that a change made outside Passerelle shows within the minute.
 */
export const defaultLegacyCacheTtlMs: Readonly<Record<LegacyReadKind, number>> = { personal: 30_000, reference: 300_000, callerDependent: 0, live: 0 };

/**
 * How long a read of `kind` is kept: `configured` is the client's setting, `'byKind'` for each
 * kind's default, or a number (the system's `_LEGACY_CACHE_TTL_MS`, 0 when `LEGACY_CACHE=false`)
 * for every kind that may be kept. A caller-dependent or live read is never kept, whatever the setting.
 */
export function legacyCacheTtlMs(kind: LegacyReadKind, configured: number | 'byKind'): number {
  if (kind === 'callerDependent' || kind === 'live') return 0;
  return configured === 'byKind' ? defaultLegacyCacheTtlMs[kind] : configured;
}
