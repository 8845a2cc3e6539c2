import type { AuditJournal } from '../audit/createAuditJournal';
import type { MetricsText } from './clusterMetrics';

/** What a gateway worker changes in `createServer` (server.ts); a gateway of one process passes none. */
export interface ServerHooks {
  /** Opens the audit sink instead of `openAuditSink` (a worker: the primary's file over IPC, or its own PostgreSQL chain). */
  openJournal?: () => Promise<AuditJournal>;
  /** What `/metrics` answers instead of this process's registry (a worker: every worker's, from the primary). */
  metrics?: () => Promise<MetricsText>;
  /** Headers on every response (dev mode: which worker answered, `x-passerelle-worker`). */
  responseHeaders?: Readonly<Record<string, string>>;
}
