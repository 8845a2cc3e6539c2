import type { SubgraphRequestContext } from '@passerelle/subgraph-kit';
import type { AccessReader } from './accessesFromPostgres';

/** What every resolver of the journal subgraph receives; built per request. */
export interface JournalContext extends SubgraphRequestContext {
  /** A usager's accesses, newest first, at most `limit`: from AUDIT_JOURNAL_PATH or, with AUDIT_SINK=postgres, the audit database. */
  accessesOf: AccessReader;
}
