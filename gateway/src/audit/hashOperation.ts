import { createHash } from 'node:crypto';

/** `AuditRecord.operationHash`: sha256 (hex) of the operation document exactly as received. */
export function hashOperation(document: string): string {
  return createHash('sha256').update(document, 'utf8').digest('hex');
}
