import { auditJournalPathEnv, type ConfigOf, gatewayContextEnv, serverEnv } from '@passerelle/subgraph-kit';

/** Environment of the journal subgraph. */
export const journalEnv = {
  ...serverEnv('JOURNAL', 4011),
  // AUDIT_JOURNAL_PATH: the file the gateway writes, with the gateway's default.
  ...auditJournalPathEnv(),
  ...gatewayContextEnv(),
};

export type JournalConfig = ConfigOf<typeof journalEnv>;
