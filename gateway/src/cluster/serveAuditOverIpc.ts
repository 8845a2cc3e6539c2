import type { Logger } from '@passerelle/subgraph-kit';
import type { AuditJournal } from '../audit/createAuditJournal';
import { auditChannel, parseAuditRequest, type AuditIpcReply } from './auditIpcMessages';

/**
 * The primary's side of createIpcAuditSink.ts: a handler for the messages of one worker that
 * writes each record to the primary's journal (the file, its one chain and lock) and answers once
 * it is written (`ack`) or refused (`nack`, with the journal's reason: a malformed record, a journal
 * stopped after a write failure). Messages on other channels are left alone (returns false).
 */
export function serveAuditOverIpc(journal: AuditJournal, logger: Logger): (message: unknown, reply: (answer: AuditIpcReply) => void) => boolean {
  return (message, reply) => {
    const parsed = parseAuditRequest(message);
    if (parsed === null) return false;
    if ('problem' in parsed) {
      logger.warn('malformed audit journal request from a worker', { problem: parsed.problem });
      if (parsed.id !== null) reply({ channel: auditChannel, op: 'nack', id: parsed.id, reason: parsed.problem });
      return true;
    }
    const { request } = parsed;
    const done = request.op === 'append' ? journal.append(request.record) : journal.seal();
    done.then(
      () => reply({ channel: auditChannel, op: 'ack', id: request.id }),
      (error: unknown) => reply({ channel: auditChannel, op: 'nack', id: request.id, reason: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  };
}
