import type { SubgraphRequestContext } from '@passerelle/subgraph-kit';

/** What every resolver of the journal subgraph receives; built per request. */
export interface JournalContext extends SubgraphRequestContext {
  /** The audit journal to read (AUDIT_JOURNAL_PATH). */
  auditJournalPath: string;
}
