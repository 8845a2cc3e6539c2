import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh audit journal path per gateway a test starts: two gateways never share one journal (its lock refuses it). */
export function tempJournalPath(): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'passerelle-audit-')), 'journal.jsonl');
}

/** A gateway environment with its own journal, and in production mode a non-default seal key (production refuses the dev one). */
export function withTestJournal(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { AUDIT_JOURNAL_PATH: tempJournalPath(), ...(env.PASSERELLE_MODE === 'production' ? { AUDIT_SEAL_KEY: 'test-only-audit-seal-key-of-32-characters-at-least' } : {}), ...env };
}
