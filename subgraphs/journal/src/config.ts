import { auditJournalPathEnv, gatewayContextEnv, readConfig, serverEnv } from '@passerelle/subgraph-kit';

/** Environment of the journal subgraph. */
export const journalEnv = {
  ...serverEnv('JOURNAL', 4011),
  // AUDIT_JOURNAL_PATH: the file the gateway writes, with the gateway's default.
  ...auditJournalPathEnv(),
  ...gatewayContextEnv(),
};

export type JournalConfig = ReturnType<typeof loadJournalConfig>;

export function loadJournalConfig(env: NodeJS.ProcessEnv = process.env) {
  return readConfig(journalEnv, env);
}
