import type { AuditRecord } from '../audit/AuditRecord';

/**
 * Messages between a gateway worker and the primary about the audit journal (AUDIT_SINK=file with
 * GATEWAY_WORKERS > 1: the primary owns the file, createIpcAuditSink.ts / serveAuditOverIpc.ts).
 * Every message names its channel, so that cluster's own messages and the control messages
 * (controlMessages.ts) are told apart.
 */
export const auditChannel = 'passerelle-audit';

/** Worker → primary: write this record (`append`) or seal now (`seal`); `id` is answered once. */
export type AuditIpcRequest = { channel: typeof auditChannel; op: 'append'; id: number; record: AuditRecord } | { channel: typeof auditChannel; op: 'seal'; id: number };

/** Primary → worker: request `id` is done (`ack`: the record is in the file) or failed (`nack`, with the journal's reason). */
export type AuditIpcReply = { channel: typeof auditChannel; op: 'ack'; id: number } | { channel: typeof auditChannel; op: 'nack'; id: number; reason: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/** A reply from the primary, or null for anything else (another channel, or a malformed message). */
export function parseAuditReply(message: unknown): AuditIpcReply | null {
  if (!isObject(message) || message.channel !== auditChannel || !isId(message.id)) return null;
  if (message.op === 'ack') return { channel: auditChannel, op: 'ack', id: message.id };
  if (message.op === 'nack' && typeof message.reason === 'string') return { channel: auditChannel, op: 'nack', id: message.id, reason: message.reason };
  return null;
}

/**
 * A request from a worker: `{ id, request }`, `{ id, problem }` when it is on the audit channel with
 * an id but malformed (answered with a nack), or null when it is not for the audit journal. The
 * record itself is checked by the journal (`normalizeAuditRecord`), which refuses a malformed one.
 */
export function parseAuditRequest(message: unknown): { request: AuditIpcRequest } | { id: number | null; problem: string } | null {
  if (!isObject(message) || message.channel !== auditChannel) return null;
  const id = isId(message.id) ? message.id : null;
  if (id === null) return { id, problem: 'an audit request without a valid id' };
  if (message.op === 'seal') return { request: { channel: auditChannel, op: 'seal', id } };
  if (message.op === 'append' && isObject(message.record)) return { request: { channel: auditChannel, op: 'append', id, record: message.record as unknown as AuditRecord } };
  return { id, problem: 'an audit request of unknown shape' };
}
