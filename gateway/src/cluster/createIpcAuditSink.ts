import { silentLogger, type Logger } from '@passerelle/subgraph-kit';
import type { AuditRecord } from '../audit/AuditRecord';
import type { AuditJournal } from '../audit/createAuditJournal';
import type { AuditIpcChannel } from './AuditIpcChannel';
import { auditChannel, parseAuditReply, type AuditIpcRequest } from './auditIpcMessages';

/** Options of `createIpcAuditSink`. */
export interface IpcAuditSinkOptions {
  channel: AuditIpcChannel;
  /** Requests awaiting the primary's answer at most; a further append is refused at once. @default 10000 */
  maxPending?: number;
  logger?: Logger;
}

/**
 * A worker's audit journal when the primary owns the file (AUDIT_SINK=file, GATEWAY_WORKERS > 1):
 * each `append` is sent to the primary, which writes it to the one journal (one chain, one lock)
 * and answers; it resolves only on that acknowledgement, once the record is in the file, as the
 * in-process journal's does, so the pipeline still answers no request it has not recorded
 * (pipeline/steps/recordAudit.ts). It rejects when the primary reports a failure, when the
 * primary is gone (the channel closed: every request waiting fails, every later one too) and when
 * `maxPending` requests already wait (the primary is not keeping up: failing the request is
 * better than an unbounded queue). Sealing is the primary's, on its own schedule and on close.
 */
export function createIpcAuditSink(options: IpcAuditSinkOptions): AuditJournal {
  const { channel, maxPending = 10_000, logger = silentLogger } = options;
  type Waiting = { resolve: () => void; reject: (error: Error) => void };
  const pending = new Map<number, Waiting>();
  let nextId = 1;
  let gone: Error | null = channel.connected ? null : new Error('The audit journal is unavailable: the gateway primary process is gone.');
  let closing: Promise<void> | null = null;
  let drained: (() => void) | null = null;
  // The primary's journal refuses every record after a failed write (createAuditJournal.ts): the last answer tells.
  let lastRefused = false;

  const settle = (id: number, error: Error | null): void => {
    const waiting = pending.get(id);
    if (waiting === undefined) {
      logger.warn('audit journal answer for no pending request', { id });
      return;
    }
    pending.delete(id);
    if (error === null) waiting.resolve();
    else waiting.reject(error);
    if (pending.size === 0) drained?.();
  };
  const stopListening = channel.onMessage((message) => {
    if (typeof message !== 'object' || message === null || (message as { channel?: unknown }).channel !== auditChannel) return;
    const reply = parseAuditReply(message);
    if (reply === null) {
      logger.warn('malformed audit journal answer from the primary ignored');
      return;
    }
    lastRefused = reply.op !== 'ack';
    settle(reply.id, reply.op === 'ack' ? null : new Error(`The audit journal refused the record: ${reply.reason}`));
  });
  const stopWatching = channel.onDisconnect(() => {
    gone = new Error('The audit journal is unavailable: the gateway primary process is gone.');
    for (const id of [...pending.keys()]) settle(id, gone);
  });

  const request = (build: (id: number) => AuditIpcRequest): Promise<void> => {
    if (gone !== null) return Promise.reject(gone);
    if (pending.size >= maxPending) return Promise.reject(new Error(`The audit journal is overloaded: ${maxPending} records already await the primary.`));
    const id = nextId;
    nextId += 1;
    return new Promise<void>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      channel.send(build(id), (error) => {
        if (pending.has(id)) settle(id, new Error(`The audit journal is unavailable: ${error.message}`));
      });
    });
  };

  return {
    append(record: AuditRecord) {
      if (closing !== null) return Promise.reject(new Error('The audit journal is closed.'));
      return request((id) => ({ channel: auditChannel, op: 'append', id, record }));
    },
    seal() {
      if (closing !== null) return closing;
      return request((id) => ({ channel: auditChannel, op: 'seal', id }));
    },
    // Readiness (readyRoute.ts): the primary is there, its journal accepted the last record, and there is room to wait.
    writable() {
      return Promise.resolve(gone === null && closing === null && !lastRefused && pending.size < maxPending);
    },
    close() {
      // Waits for the records under way; the primary seals and closes the file once every worker has exited.
      closing ??= (pending.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => (drained = resolve))).then(() => {
        stopListening();
        stopWatching();
      });
      return closing;
    },
  };
}
