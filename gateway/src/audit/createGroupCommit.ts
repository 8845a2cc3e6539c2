import type { AuditRecord } from './AuditRecord';
import { normalizeAuditRecord } from './normalizeAuditRecord';

/** A record appended and not yet written, with what to tell its caller once its batch is. */
export type PendingRecord = { record: AuditRecord; resolve: () => void; reject: (error: unknown) => void };

/**
 * Group commit, shared by the file journal (createAuditJournal.ts) and the PostgreSQL writer
 * (postgres/createPostgresAuditJournal.ts): records appended while a write is under way wait in
 * one batch, written by the next task of the journal's queue (`enqueue`) with one write or one
 * transaction, and each append resolves once its batch is written. When the queue refuses the
 * task (the journal stopped after a failure) the whole batch is refused with it. A malformed
 * record is refused at once and never joins a batch.
 */
export function createGroupCommit(enqueue: (task: () => Promise<void>) => Promise<void>, writeRecords: (pending: readonly PendingRecord[]) => Promise<void>): (record: AuditRecord) => Promise<void> {
  let batch: PendingRecord[] = [];
  let scheduled = false;
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    let taken: PendingRecord[] | null = null;
    const take = (): PendingRecord[] => {
      scheduled = false;
      taken = batch;
      batch = [];
      return taken;
    };
    enqueue(() => writeRecords(take())).then(
      () => taken?.forEach((pending) => pending.resolve()),
      // Refused before it ran: this batch fails too.
      (error: unknown) => (taken ?? take()).forEach((pending) => pending.reject(error)),
    );
  };
  return (record) => {
    let normalized: AuditRecord;
    try {
      normalized = normalizeAuditRecord(record);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return new Promise<void>((resolve, reject) => {
      batch.push({ record: normalized, resolve, reject });
      schedule();
    });
  };
}
