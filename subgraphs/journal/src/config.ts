import { auditJournalPathEnv, auditSinkEnv, type ConfigOf, gatewayContextEnv, serverEnv } from '@passerelle/subgraph-kit';

/** Environment of the journal subgraph. */
export const journalEnv = {
  ...serverEnv('JOURNAL', 4011),
  // AUDIT_SINK, AUDIT_DATABASE_URL, AUDIT_JOURNAL_PATH: where the gateway writes, with the gateway's defaults.
  ...auditSinkEnv(),
  ...auditJournalPathEnv(),
  ...gatewayContextEnv(),
};

export type JournalConfig = ConfigOf<typeof journalEnv>;
